/* clean_gc_type.c — a GC type with complete traverse, clear and dealloc. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *key;
    PyObject *value;
} PairObject;

static int pair_traverse(PairObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->key);
    Py_VISIT(self->value);
    return 0;
}

static int pair_clear(PairObject *self)
{
    Py_CLEAR(self->key);
    Py_CLEAR(self->value);
    return 0;
}

static void pair_dealloc(PairObject *self)
{
    PyObject_GC_UnTrack(self);
    pair_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

PyTypeObject Pair_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Pair",
    .tp_basicsize = sizeof(PairObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)pair_traverse,
    .tp_clear = (inquiry)pair_clear,
    .tp_dealloc = (destructor)pair_dealloc,
};

/* dealloc_incomplete_field.c — a GC type whose traverse and clear are complete, but whose dealloc releases one field and forgets the other (it does not go through clear). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *data; // expect: refcount-dealloc-incomplete
} RecordObject;

static int record_traverse(RecordObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->name);
    Py_VISIT(self->data);
    return 0;
}

static int record_clear(RecordObject *self)
{
    Py_CLEAR(self->name);
    Py_CLEAR(self->data);
    return 0;
}

static void record_dealloc(RecordObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->name);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

PyTypeObject Record_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Record",
    .tp_basicsize = sizeof(RecordObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)record_traverse,
    .tp_clear = (inquiry)record_clear,
    .tp_dealloc = (destructor)record_dealloc,
};

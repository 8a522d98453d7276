/* cycle_untracked_container.c — a type holding an arbitrary object has no traverse and no Py_TPFLAGS_HAVE_GC: a cycle through it can never be collected. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *contents; // expect: cycle-untracked-type
} CellObject;

static void cell_dealloc(CellObject *self)
{
    Py_XDECREF(self->contents);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

PyTypeObject Cell_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Cell",
    .tp_basicsize = sizeof(CellObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)cell_dealloc,
};

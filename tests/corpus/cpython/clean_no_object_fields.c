/* clean_no_object_fields.c — a type with only C fields needs no GC support and releases nothing in dealloc. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long count;
    double total;
} StatsObject;

static void stats_dealloc(StatsObject *self)
{
    Py_TYPE(self)->tp_free((PyObject *)self);
}

PyTypeObject Stats_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Stats",
    .tp_basicsize = sizeof(StatsObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)stats_dealloc,
};

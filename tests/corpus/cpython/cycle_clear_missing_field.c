/* cycle_clear_missing_field.c — clear drops one field and keeps the other, so a cycle through it is never broken. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *callback;
    PyObject *context; // expect: cycle-clear-incomplete
} TaskObject;

static int task_traverse(TaskObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->callback);
    Py_VISIT(self->context);
    return 0;
}

static int task_clear(TaskObject *self)
{
    Py_CLEAR(self->callback);
    return 0;
}

static void task_dealloc(TaskObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->callback);
    Py_CLEAR(self->context);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

PyTypeObject Task_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Task",
    .tp_basicsize = sizeof(TaskObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)task_traverse,
    .tp_clear = (inquiry)task_clear,
    .tp_dealloc = (destructor)task_dealloc,
};

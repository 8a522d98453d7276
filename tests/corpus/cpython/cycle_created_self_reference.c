/* cycle_created_self_reference.c — an instance of a type without GC support is made to refer to itself: a cycle nothing can break (the type itself is untracked, too). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *owner; // expect: cycle-untracked-type
} HandleObject;

static void handle_dealloc(HandleObject *self)
{
    Py_XDECREF(self->owner);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

PyTypeObject Handle_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Handle",
    .tp_basicsize = sizeof(HandleObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)handle_dealloc,
};

void handle_adopt(HandleObject *self)
{
    Py_XSETREF(self->owner, Py_NewRef((PyObject *)self)); // expect: cycle-created
}

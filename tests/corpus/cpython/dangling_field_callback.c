/* dangling_field_callback.c — the callback read from the object may be replaced (and freed) by its own first call. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *on_event;
} EmitterObject;

int emit_twice(EmitterObject *self, PyObject *event)
{
    PyObject *cb = self->on_event;
    if (cb == NULL)
        return 0;
    PyObject *r = PyObject_CallOneArg(cb, event);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    r = PyObject_CallOneArg(cb, event); // expect: refcount-dangling-borrowed
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

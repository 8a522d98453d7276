/* clean_optional_xincref.c — an optional argument kept with Py_XINCREF and dropped with Py_XDECREF. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *hook;
} RunnerObject;

void runner_set_hook(RunnerObject *self, PyObject *hook)
{
    PyObject *old = self->hook;
    Py_XINCREF(hook);
    self->hook = hook;
    Py_XDECREF(old);
}

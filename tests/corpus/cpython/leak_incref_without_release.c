/* leak_incref_without_release.c — an incref taken for a call is never given back on the error path. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *call_with_self(PyObject *func, PyObject *self)
{
    Py_INCREF(self);
    PyObject *args = PyTuple_New(1);
    if (args == NULL)
        return NULL; // expect: refcount-leak
    PyTuple_SET_ITEM(args, 0, self);
    PyObject *res = PyObject_Call(func, args, NULL);
    Py_DECREF(args);
    return res;
}

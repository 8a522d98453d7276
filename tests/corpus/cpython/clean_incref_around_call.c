/* clean_incref_around_call.c — the borrowed item is held across the call that could free it (the fix for the dangling-borrowed bug). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *notify_first(PyObject *listeners, PyObject *callback)
{
    PyObject *first = PyList_GetItem(listeners, 0);
    if (first == NULL)
        return NULL;
    Py_INCREF(first);
    PyObject *r = PyObject_CallNoArgs(callback);
    if (r == NULL) {
        Py_DECREF(first);
        return NULL;
    }
    Py_DECREF(r);
    PyObject *res = PyObject_Repr(first);
    Py_DECREF(first);
    return res;
}

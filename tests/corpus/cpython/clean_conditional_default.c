/* clean_conditional_default.c — a default is taken with an incref so that both branches own what they release. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *get_or_none(PyObject *mapping, PyObject *key)
{
    PyObject *v = PyObject_GetItem(mapping, key);
    if (v == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_KeyError))
            return NULL;
        PyErr_Clear();
        v = Py_None;
        Py_INCREF(v);
    }
    PyObject *r = PyObject_Repr(v);
    Py_DECREF(v);
    return r;
}

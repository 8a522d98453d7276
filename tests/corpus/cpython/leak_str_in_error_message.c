/* leak_str_in_error_message.c — the repr built for an error message is never released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *reject(PyObject *value)
{
    PyObject *r = PyObject_Repr(value);
    if (r == NULL)
        return NULL;
    PyErr_Format(PyExc_TypeError, "unsupported value %U", r);
    return NULL; // expect: refcount-leak
}

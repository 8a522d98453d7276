/* unchecked_null_tuple_size.c — PyTuple_New's result is measured before it is checked. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

Py_ssize_t empty_len(void)
{
    PyObject *t = PyTuple_New(0);
    Py_ssize_t n = PyTuple_GET_SIZE(t); // expect: refcount-unchecked-null
    Py_XDECREF(t);
    return n;
}

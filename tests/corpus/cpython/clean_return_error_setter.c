/* clean_return_error_setter.c — error setters return NULL: returning their result is the idiom, not a leak. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *check_positive(long n)
{
    if (n <= 0)
        return PyErr_Format(PyExc_ValueError, "expected a positive number, got %ld", n);
    if (n > 1000000)
        return PyErr_NoMemory();
    return PyLong_FromLong(n);
}

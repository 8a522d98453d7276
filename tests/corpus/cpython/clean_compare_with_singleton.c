/* clean_compare_with_singleton.c — a result found equal to Py_NotImplemented is not NULL: incref'ing it there needs no check. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *divide_or_not_implemented(PyObject *a, PyObject *b)
{
    PyObject *result = PyNumber_TrueDivide(a, b);
    if (result == Py_NotImplemented) {
        Py_INCREF(result);
        Py_DECREF(result);
    }
    return result;
}

/* over_release_tuple_getitem.c — PyTuple_GetItem is borrowed too. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int check_first(PyObject *args)
{
    PyObject *first = PyTuple_GetItem(args, 0);
    if (first == NULL)
        return -1;
    int ok = PyUnicode_Check(first);
    Py_DECREF(first); // expect: refcount-over-release
    return ok;
}

/* steal_borrowed_none_into_list.c — PyList_SetItem steals a reference to None that was never taken. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *placeholders(Py_ssize_t n)
{
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        PyList_SetItem(list, i, Py_None); // expect: refcount-steal-borrowed
    return list;
}

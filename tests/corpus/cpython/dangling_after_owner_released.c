/* dangling_after_owner_released.c — the item is borrowed from a list that is released before the item is used. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

long first_of_sorted(PyObject *iterable)
{
    PyObject *list = PySequence_List(iterable);
    if (list == NULL)
        return -1;
    if (PyList_Sort(list) < 0 || PyList_GET_SIZE(list) == 0) {
        Py_DECREF(list);
        return -1;
    }
    PyObject *first = PyList_GetItem(list, 0);
    if (first == NULL) {
        Py_DECREF(list);
        return -1;
    }
    Py_DECREF(list);
    return PyLong_AsLong(first); // expect: refcount-dangling-borrowed
}

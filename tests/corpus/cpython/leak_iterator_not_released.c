/* leak_iterator_not_released.c — the iterator is released on no path. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

long sum_items(PyObject *iterable)
{
    long total = 0;
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        total += PyLong_AsLong(item);
        Py_DECREF(item);
    }
    return total; // expect: refcount-leak
}

/* clean_iterator.c — the iterator protocol with every reference released and the error checked. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

Py_ssize_t count_true(PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    Py_ssize_t n = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int t = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (t < 0) {
            Py_DECREF(it);
            return -1;
        }
        n += t;
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return -1;
    return n;
}

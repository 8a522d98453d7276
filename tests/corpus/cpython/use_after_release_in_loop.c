/* use_after_release_in_loop.c — each converted item is released before its value is read. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

long total(PyObject *seq)
{
    long sum = 0;
    Py_ssize_t n = PySequence_Size(seq);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(seq, i);
        if (item == NULL)
            return -1;
        Py_DECREF(item);
        sum += PyLong_AsLong(item); // expect: refcount-use-after-release
    }
    return sum;
}

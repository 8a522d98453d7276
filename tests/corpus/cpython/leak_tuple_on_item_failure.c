/* leak_tuple_on_item_failure.c — the tuple under construction leaks when an item cannot be made. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *make_pair(long a, long b)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    PyObject *x = PyLong_FromLong(a);
    if (x == NULL)
        return NULL; // expect: refcount-leak
    PyTuple_SET_ITEM(t, 0, x);
    PyObject *y = PyLong_FromLong(b);
    if (y == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 1, y);
    return t;
}

/* steal_borrowed_tuple_setitem.c — PyTuple_SetItem steals the argument the caller only lent. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *singleton_tuple(PyObject *self, PyObject *arg)
{
    PyObject *t = PyTuple_New(1);
    if (t == NULL)
        return NULL;
    PyTuple_SetItem(t, 0, arg); // expect: refcount-steal-borrowed
    return t;
}

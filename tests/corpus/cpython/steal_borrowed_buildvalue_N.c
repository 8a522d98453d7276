/* steal_borrowed_buildvalue_N.c — "N" steals the borrowed argument. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *boxed(PyObject *self, PyObject *arg)
{
    return Py_BuildValue("(N)", arg); // expect: refcount-steal-borrowed
}

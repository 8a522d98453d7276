/* steal_borrowed_restore.c — PyErr_Restore steals all three; the value was the caller's. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

void reraise_with(PyObject *value)
{
    PyErr_Restore(Py_NewRef(PyExc_RuntimeError), value, NULL); // expect: refcount-steal-borrowed
}

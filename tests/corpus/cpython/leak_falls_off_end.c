/* leak_falls_off_end.c — a void helper creates a reference and falls off its end. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

void log_number(PyObject *logger, long n)
{
    PyObject *v = PyLong_FromLong(n);
    if (v == NULL) {
        PyErr_Clear();
        return;
    }
    if (PyObject_SetAttrString(logger, "last", v) < 0)
        PyErr_Clear();
} // expect: refcount-leak

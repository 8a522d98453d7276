/* leak_overwritten_variable.c — a new reference is overwritten by the next one before it is released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *greeting(int polite)
{
    PyObject *s = PyUnicode_FromString("hi");
    if (s == NULL)
        return NULL;
    if (polite)
        s = PyUnicode_FromString("good day"); // expect: refcount-leak
    return s;
}

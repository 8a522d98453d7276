/* clean_format_borrowed.c — PyUnicode_FromFormat's %S and %R take borrowed objects. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *describe(PyObject *key, PyObject *value)
{
    return PyUnicode_FromFormat("%S=%R", key, value);
}

/* clean_buildvalue_O_borrowed.c — "O" takes its own reference to a borrowed argument. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *tag(PyObject *name, PyObject *value)
{
    return Py_BuildValue("{sOsO}", "name", name, "value", value);
}

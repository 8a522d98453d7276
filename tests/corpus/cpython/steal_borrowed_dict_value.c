/* steal_borrowed_dict_value.c — a value borrowed from a dict is stolen by PyList_SetItem. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int copy_default(PyObject *defaults, PyObject *out)
{
    PyObject *v = PyDict_GetItemString(defaults, "x");
    if (v == NULL)
        return -1;
    return PyList_SetItem(out, 0, v); // expect: refcount-steal-borrowed
}

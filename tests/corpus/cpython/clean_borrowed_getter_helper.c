/* clean_borrowed_getter_helper.c — a helper that only ever returns borrowed references is a borrowed getter, not a bug. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *first_arg(PyObject *args)
{
    if (PyTuple_GET_SIZE(args) == 0)
        return Py_None;
    return PyTuple_GET_ITEM(args, 0);
}

/* clean_callmethod_N.c — PyObject_CallMethod's format also steals with "N". */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *seek_to(PyObject *file, long pos)
{
    return PyObject_CallMethod(file, "seek", "N", PyLong_FromLong(pos));
}

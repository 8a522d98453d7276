/* clean_call_objargs.c — PyObject_CallFunctionObjArgs with borrowed arguments. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *apply2(PyObject *func, PyObject *a, PyObject *b)
{
    return PyObject_CallFunctionObjArgs(func, a, b, NULL);
}

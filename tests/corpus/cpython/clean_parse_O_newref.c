/* clean_parse_O_newref.c — a parsed "O" argument is borrowed; returning it takes a reference first. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *identity(PyObject *self, PyObject *args)
{
    PyObject *obj;
    if (!PyArg_ParseTuple(args, "O:identity", &obj))
        return NULL;
    return Py_NewRef(obj);
}

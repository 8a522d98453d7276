/* over_release_parsed_argument.c — PyArg_ParseTuple's "O" stores a borrowed reference. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *consume(PyObject *self, PyObject *args)
{
    PyObject *obj;
    if (!PyArg_ParseTuple(args, "O:consume", &obj))
        return NULL;
    Py_DECREF(obj); // expect: refcount-over-release
    Py_RETURN_NONE;
}

/* clean_method_returns_none.c — a METH_VARARGS method that parses its arguments and returns None. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *demo_ping(PyObject *self, PyObject *args)
{
    int n;
    if (!PyArg_ParseTuple(args, "i:ping", &n))
        return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be >= 0");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef demo_methods[] = {
    {"ping", demo_ping, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyMethodDef *demo_method_table(void) { return demo_methods; }

/* clean_parse_keywords.c — PyArg_ParseTupleAndKeywords with optional borrowed objects. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *configure(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "default", NULL};
    PyObject *name, *dflt = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|O:configure", kwlist, &name, &dflt))
        return NULL;
    return PyTuple_Pack(2, name, dflt);
}

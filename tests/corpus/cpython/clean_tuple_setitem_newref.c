/* clean_tuple_setitem_newref.c — a borrowed argument is given to PyTuple_SetItem with Py_NewRef. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *wrap_one(PyObject *arg)
{
    PyObject *t = PyTuple_New(1);
    if (t == NULL)
        return NULL;
    if (PyTuple_SetItem(t, 0, Py_NewRef(arg)) < 0) {
        Py_DECREF(t);
        return NULL;
    }
    return t;
}

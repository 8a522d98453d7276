/* over_release_dict_getitemstring.c — PyDict_GetItemString returns a borrowed reference (or NULL). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

void drop_option(PyObject *options)
{
    PyObject *v = PyDict_GetItemString(options, "verbose");
    Py_XDECREF(v); // expect: refcount-over-release
}

/* over_release_after_buildvalue_N.c — "N" hands the reference to the built value; the release after it is one too many. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *wrap(long n)
{
    PyObject *v = PyLong_FromLong(n);
    if (v == NULL)
        return NULL;
    PyObject *res = Py_BuildValue("(N)", v);
    Py_DECREF(v); // expect: refcount-over-release
    return res;
}

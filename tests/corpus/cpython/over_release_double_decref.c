/* over_release_double_decref.c — the error path releases again what the success path released already. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int store_length(PyObject *obj, PyObject *target)
{
    PyObject *n = PyLong_FromSsize_t(PyObject_Length(obj));
    if (n == NULL)
        return -1;
    int rc = PyObject_SetAttrString(target, "length", n);
    Py_DECREF(n);
    if (rc < 0) {
        Py_DECREF(n); // expect: refcount-over-release
        return -1;
    }
    return 0;
}

/* use_after_release_returned.c — the result is released and then returned: the caller gets a freed object. One bug, a use after release; it is not also reported as returning a borrowed reference. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *normalized(PyObject *s)
{
    PyObject *lower = PyObject_CallMethod(s, "lower", NULL);
    if (lower == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(lower) == 0) {
        Py_DECREF(lower);
        return lower; // expect: refcount-use-after-release
    }
    return lower;
}

/* over_release_none.c — None is a borrowed reference to a static object: releasing it without an incref corrupts its count (immortality is no excuse). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *clear_cache(PyObject *self, PyObject *unused)
{
    PyObject *none = Py_None;
    Py_DECREF(none); // expect: refcount-over-release
    Py_RETURN_NONE;
}

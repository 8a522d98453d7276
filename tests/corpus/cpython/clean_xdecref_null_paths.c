/* clean_xdecref_null_paths.c — Py_XDECREF of references that may still be NULL on the error path. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *make_entry(const char *k, long v)
{
    PyObject *key = PyUnicode_FromString(k);
    PyObject *val = PyLong_FromLong(v);
    if (key == NULL || val == NULL) {
        Py_XDECREF(key);
        Py_XDECREF(val);
        return NULL;
    }
    PyObject *t = PyTuple_Pack(2, key, val);
    Py_DECREF(key);
    Py_DECREF(val);
    return t;
}

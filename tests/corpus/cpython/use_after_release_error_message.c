/* use_after_release_error_message.c — the key is released and then formatted into the error. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *lookup(PyObject *dict, const char *name)
{
    PyObject *key = PyUnicode_FromString(name);
    if (key == NULL)
        return NULL;
    PyObject *v = PyDict_GetItemWithError(dict, key);
    Py_DECREF(key);
    if (v == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_KeyError, "%R", key); // expect: refcount-use-after-release
        return NULL;
    }
    return Py_NewRef(v);
}

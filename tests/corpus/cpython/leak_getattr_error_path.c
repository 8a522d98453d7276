/* leak_getattr_error_path.c — the attribute fetched first leaks when the second allocation fails. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *scaled_name(PyObject *obj)
{
    PyObject *name = PyObject_GetAttrString(obj, "name");
    if (name == NULL)
        return NULL;
    PyObject *suffix = PyUnicode_FromString("_scaled");
    if (suffix == NULL)
        return NULL; // expect: refcount-leak
    PyObject *res = PyUnicode_Concat(name, suffix);
    Py_DECREF(name);
    Py_DECREF(suffix);
    return res;
}

/* clean_cleanup_py_decref.c — python-systemd's _cleanup_Py_DECREF_: the variable's reference is released by the cleanup function at every exit of its scope. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static inline void cleanup_Py_DECREFp(PyObject **p)
{
    Py_XDECREF(*p);
}
#define _cleanup_Py_DECREF_ __attribute__((cleanup(cleanup_Py_DECREFp)))

PyObject *name_of(PyObject *obj)
{
    _cleanup_Py_DECREF_ PyObject *name = PyObject_GetAttrString(obj, "name");
    if (name == NULL)
        return NULL;
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "name must be a string");
        return NULL;
    }
    return PyObject_Str(name);
}

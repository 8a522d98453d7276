/* use_after_release_size.c — Py_SIZE reads an object already released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

Py_ssize_t bytes_len(PyObject *obj)
{
    PyObject *b = PyBytes_FromObject(obj);
    if (b == NULL)
        return -1;
    Py_DECREF(b);
    return Py_SIZE(b); // expect: refcount-use-after-release
}

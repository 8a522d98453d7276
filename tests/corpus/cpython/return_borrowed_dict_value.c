/* return_borrowed_dict_value.c — a cache hit returns the dict's borrowed value, a miss a new one. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *cached_len(PyObject *cache, PyObject *key)
{
    PyObject *hit = PyDict_GetItemWithError(cache, key);
    if (hit != NULL)
        return hit; // expect: refcount-return-borrowed
    if (PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(PyObject_Length(key));
}

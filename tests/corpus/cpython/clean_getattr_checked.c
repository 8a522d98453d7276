/* clean_getattr_checked.c — an attribute fetched, checked and released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

long get_size(PyObject *obj)
{
    PyObject *size = PyObject_GetAttrString(obj, "size");
    if (size == NULL)
        return -1;
    long n = PyLong_AsLong(size);
    Py_DECREF(size);
    return n;
}

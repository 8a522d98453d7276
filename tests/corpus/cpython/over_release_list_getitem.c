/* over_release_list_getitem.c — PyList_GetItem returns a borrowed reference, released here without an incref. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

long first_as_long(PyObject *list)
{
    PyObject *item = PyList_GetItem(list, 0);
    if (item == NULL)
        return -1;
    long v = PyLong_AsLong(item);
    Py_DECREF(item); // expect: refcount-over-release
    return v;
}

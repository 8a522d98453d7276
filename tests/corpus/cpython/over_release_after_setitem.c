/* over_release_after_setitem.c — PyList_SetItem stole the item: releasing it afterwards releases the list's reference. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int put_zero(PyObject *list)
{
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL)
        return -1;
    if (PyList_SetItem(list, 0, zero) < 0)
        return -1;
    Py_DECREF(zero); // expect: refcount-over-release
    return 0;
}

/* clean_list_setitem_new.c — PyList_SetItem steals a new reference: nothing to release afterwards. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int set_first(PyObject *list, long v)
{
    PyObject *item = PyLong_FromLong(v);
    if (item == NULL)
        return -1;
    return PyList_SetItem(list, 0, item);
}

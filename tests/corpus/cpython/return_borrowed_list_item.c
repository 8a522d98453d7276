/* return_borrowed_list_item.c — returns new references on one path and a borrowed list item on the other. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *item_or_default(PyObject *list, Py_ssize_t i)
{
    if (i >= PyList_GET_SIZE(list))
        return PyLong_FromLong(0);
    return PyList_GET_ITEM(list, i); // expect: refcount-return-borrowed
}

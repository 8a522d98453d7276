/* dangling_compare_list_item.c — a comparison can run __eq__, which may mutate the list and free the borrowed item (the list.index bug class). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

Py_ssize_t index_of(PyObject *list, PyObject *value)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *item = PyList_GET_ITEM(list, i);
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        if (cmp < 0)
            return -1;
        if (cmp > 0 && PyObject_IsTrue(item) >= 0) // expect: refcount-dangling-borrowed
            return i;
    }
    return -2;
}

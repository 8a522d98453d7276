/* clean_build_list_goto_error.c — builds a list of new items with PyList_SET_ITEM and one error label. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *range_list(Py_ssize_t n)
{
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(i);
        if (v == NULL)
            goto error;
        PyList_SET_ITEM(list, i, v);
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

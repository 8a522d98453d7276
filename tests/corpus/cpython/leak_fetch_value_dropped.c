/* leak_fetch_value_dropped.c — PyErr_Fetch gives three new references once an exception is set; the value is dropped on the way out. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int log_and_clear_error(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (type == NULL)
        return 0;
    PyErr_WriteUnraisable(type);
    Py_DECREF(type);
    Py_XDECREF(tb);
    return 1; // expect: refcount-leak
}

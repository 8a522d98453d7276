/* clean_normalize_exception.c — PyErr_NormalizeException replaces the three references in place. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *current_exception_value(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (type == NULL)
        Py_RETURN_NONE;
    PyErr_NormalizeException(&type, &value, &tb);
    Py_XDECREF(type);
    Py_XDECREF(tb);
    if (value == NULL)
        Py_RETURN_NONE;
    return value;
}

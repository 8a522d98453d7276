/* clean_fetch_no_error_early_return.c — with no exception set PyErr_Fetch stores NULL in all three, so returning on a NULL type leaks nothing. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *pending_error_message(void)
{
    PyObject *type, *value, *tb, *msg;
    PyErr_Fetch(&type, &value, &tb);
    if (type == NULL)
        return PyUnicode_FromString("");
    msg = value != NULL ? PyObject_Str(value) : PyUnicode_FromString("");
    Py_DECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    return msg;
}

/* clean_fetch_restore.c — the pending exception is saved and restored around cleanup code. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

void close_quietly(PyObject *file)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *r = PyObject_CallMethod(file, "close", NULL);
    if (r == NULL)
        PyErr_Clear();
    else
        Py_DECREF(r);
    PyErr_Restore(type, value, tb);
}

/* unchecked_null_setitem_value.c — the value may be NULL when it reaches PyDict_SetItemString, and it also leaks. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int record_pid(PyObject *info, long pid)
{
    return PyDict_SetItemString(info, "pid", PyLong_FromLong(pid)); // expect: refcount-unchecked-null, refcount-leak
}

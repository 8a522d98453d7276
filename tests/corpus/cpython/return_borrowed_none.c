/* return_borrowed_none.c — returns Py_None without an incref; the other path returns a new reference. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *maybe_upper(PyObject *s)
{
    if (s == Py_None)
        return Py_None; // expect: refcount-return-borrowed
    return PyObject_CallMethod(s, "upper", NULL);
}

/* return_borrowed_param.c — returns the argument itself without an incref, where other paths return new references. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *as_text(PyObject *obj)
{
    if (PyUnicode_Check(obj))
        return obj; // expect: refcount-return-borrowed
    return PyObject_Str(obj);
}

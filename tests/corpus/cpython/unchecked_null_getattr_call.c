/* unchecked_null_getattr_call.c — the attribute is called without checking that it was found. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *call_hook(PyObject *obj)
{
    PyObject *hook = PyObject_GetAttrString(obj, "hook");
    PyObject *r = PyObject_CallNoArgs(hook); // expect: refcount-unchecked-null
    Py_XDECREF(hook);
    return r;
}

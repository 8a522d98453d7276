/* dangling_weakref_referent.c — the referent of a weak reference may die during the call (why PyWeakref_GetObject is deprecated). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *describe_target(PyObject *ref, PyObject *formatter)
{
    PyObject *target = PyWeakref_GetObject(ref);
    if (target == NULL)
        return NULL;
    PyObject *prefix = PyObject_CallNoArgs(formatter);
    if (prefix == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("%U%R", prefix, target); // expect: refcount-dangling-borrowed
    Py_DECREF(prefix);
    return r;
}

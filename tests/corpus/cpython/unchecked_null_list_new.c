/* unchecked_null_list_new.c — PyList_New is stored into without a check (PyList_SET_ITEM writes through it). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *two_nones(void)
{
    PyObject *l = PyList_New(2);
    PyList_SET_ITEM(l, 0, Py_NewRef(Py_None)); // expect: refcount-unchecked-null
    PyList_SET_ITEM(l, 1, Py_NewRef(Py_None));
    return l;
}

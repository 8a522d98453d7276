/* dangling_list_item_after_call.c — the borrowed item may be gone after the callback ran: it can clear the list. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *notify_first(PyObject *listeners, PyObject *callback)
{
    PyObject *first = PyList_GetItem(listeners, 0);
    if (first == NULL)
        return NULL;
    PyObject *r = PyObject_CallNoArgs(callback);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    return PyObject_Repr(first); // expect: refcount-dangling-borrowed
}

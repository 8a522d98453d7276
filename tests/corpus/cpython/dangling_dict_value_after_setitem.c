/* dangling_dict_value_after_setitem.c — replacing the dict entry releases the value borrowed from it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *swap_mode(PyObject *state, PyObject *mode)
{
    PyObject *old = PyDict_GetItemString(state, "mode");
    if (old == NULL)
        Py_RETURN_NONE;
    if (PyDict_SetItemString(state, "mode", mode) < 0)
        return NULL;
    return Py_NewRef(old); // expect: refcount-dangling-borrowed
}

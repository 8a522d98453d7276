/* clean_dict_setdefault_borrowed.c — PyDict_SetDefault returns a borrowed reference, incref'd before it is returned. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *intern_entry(PyObject *table, PyObject *key)
{
    PyObject *fresh = PyList_New(0);
    if (fresh == NULL)
        return NULL;
    PyObject *v = PyDict_SetDefault(table, key, fresh);
    Py_DECREF(fresh);
    return Py_XNewRef(v);
}

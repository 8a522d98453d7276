/* leak_keys_list.c — PyDict_Keys returns a new list; the early exit for an empty dict forgets it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *first_key(PyObject *dict)
{
    PyObject *keys = PyDict_Keys(dict);
    if (keys == NULL)
        return NULL;
    if (PyList_GET_SIZE(keys) == 0)
        Py_RETURN_NONE; // expect: refcount-leak
    PyObject *k = Py_NewRef(PyList_GET_ITEM(keys, 0));
    Py_DECREF(keys);
    return k;
}

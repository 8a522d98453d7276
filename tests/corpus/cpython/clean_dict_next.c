/* clean_dict_next.c — PyDict_Next gives borrowed keys and values; the loop takes references only for what it keeps. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *string_keys(PyObject *dict)
{
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyUnicode_Check(key))
            continue;
        if (PyList_Append(out, key) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

/* clean_append_loop.c — PyList_Append does not steal: each item is released after it is appended. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *doubled(PyObject *seq)
{
    Py_ssize_t n = PySequence_Size(seq);
    if (n < 0)
        return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *x = PySequence_GetItem(seq, i);
        if (x == NULL)
            goto error;
        PyObject *y = PyNumber_Add(x, x);
        Py_DECREF(x);
        if (y == NULL)
            goto error;
        int rc = PyList_Append(out, y);
        Py_DECREF(y);
        if (rc < 0)
            goto error;
    }
    return out;
error:
    Py_DECREF(out);
    return NULL;
}

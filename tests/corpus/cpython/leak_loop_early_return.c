/* leak_loop_early_return.c — an item created inside the loop leaks when appending it fails. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *squares(Py_ssize_t n)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(i * i);
        if (v == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        if (PyList_Append(list, v) < 0) {
            Py_DECREF(list);
            return NULL; // expect: refcount-leak
        }
        Py_DECREF(v);
    }
    return list;
}

/* clean_addobject_both_outcomes.c — PyModule_AddObject: the value is released only when the call failed. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int add_error_type(PyObject *m)
{
    PyObject *err = PyErr_NewException("demo.Error", NULL, NULL);
    if (err == NULL)
        return -1;
    if (PyModule_AddObject(m, "Error", err) < 0) {
        Py_DECREF(err);
        return -1;
    }
    return 0;
}

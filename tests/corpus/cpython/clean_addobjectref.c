/* clean_addobjectref.c — PyModule_AddObjectRef does not steal: the caller releases its own reference either way. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int add_answer(PyObject *m)
{
    PyObject *v = PyLong_FromLong(42);
    if (v == NULL)
        return -1;
    int rc = PyModule_AddObjectRef(m, "ANSWER", v);
    Py_DECREF(v);
    return rc;
}

/* leak_addobject_failure.c — PyModule_AddObject steals only on success: on failure the caller still owns the value (the bug the Clang analyzer misses). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int add_error(PyObject *module)
{
    PyObject *err = PyErr_NewException("demo.Error", NULL, NULL);
    if (err == NULL)
        return -1;
    if (PyModule_AddObject(module, "Error", err) < 0)
        return -1; // expect: refcount-leak
    return 0;
}

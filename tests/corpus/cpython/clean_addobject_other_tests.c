/* clean_addobject_other_tests.c — PyModule_AddObject returns 0 or -1, so `!= 0`, `== -1` and a plain truth test tell its outcomes apart as `< 0` does. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int add_ne(PyObject *m)
{
    PyObject *o = PyLong_FromLong(1);
    if (o == NULL)
        return -1;
    if (PyModule_AddObject(m, "a", o) != 0) {
        Py_DECREF(o);
        return -1;
    }
    return 0;
}

static int add_eq_minus_one(PyObject *m)
{
    PyObject *o = PyLong_FromLong(2);
    if (o == NULL)
        return -1;
    if (PyModule_AddObject(m, "b", o) == -1) {
        Py_DECREF(o);
        return -1;
    }
    return 0;
}

static int add_truth(PyObject *m)
{
    PyObject *o = PyUnicode_FromString("c");
    if (o == NULL)
        return -1;
    if (PyModule_AddObject(m, "c", o)) {
        Py_DECREF(o);
        return -1;
    }
    return 0;
}

int add_all(PyObject *m)
{
    if (add_ne(m) < 0 || add_eq_minus_one(m) < 0 || add_truth(m) < 0)
        return -1;
    return 0;
}

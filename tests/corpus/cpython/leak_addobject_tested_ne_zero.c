/* leak_addobject_tested_ne_zero.c — tested with `!= 0`, the failure of PyModule_AddObject still leaves the value with the caller, who returns without releasing it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int add_version(PyObject *m)
{
    PyObject *v = PyUnicode_FromString("1.0");
    if (v == NULL)
        return -1;
    if (PyModule_AddObject(m, "__version__", v) != 0)
        return -1; // expect: refcount-leak
    return 0;
}

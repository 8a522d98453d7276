/* over_release_after_addobject_success.c — on success PyModule_AddObject owns the value; releasing it there is an over-release. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int add_version(PyObject *m)
{
    PyObject *v = PyUnicode_FromString("1.0");
    if (v == NULL)
        return -1;
    if (PyModule_AddObject(m, "__version__", v) < 0) {
        Py_DECREF(v);
        return -1;
    }
    Py_DECREF(v); // expect: refcount-over-release
    return 0;
}

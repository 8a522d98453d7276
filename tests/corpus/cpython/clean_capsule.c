/* clean_capsule.c — a capsule exported with PyModule_AddObject, released only on failure. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int answer = 42;

int export_capi(PyObject *m)
{
    PyObject *cap = PyCapsule_New(&answer, "demo._C_API", NULL);
    if (cap == NULL)
        return -1;
    if (PyModule_AddObject(m, "_C_API", cap) < 0) {
        Py_DECREF(cap);
        return -1;
    }
    return 0;
}

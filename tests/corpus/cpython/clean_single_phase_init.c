/* clean_single_phase_init.c — single-phase initialisation that releases the module on failure. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct PyModuleDef demo_def = {
    PyModuleDef_HEAD_INIT, "demo", NULL, -1, NULL, NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit_demo(void)
{
    PyObject *m = PyModule_Create(&demo_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "VERSION", 3) < 0 ||
        PyModule_AddStringConstant(m, "NAME", "demo") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

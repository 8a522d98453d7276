/* leak_module_create_error.c — the module object leaks when adding a constant fails (a callee taking a definition must not make the result forgotten). */
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
    if (PyModule_AddIntConstant(m, "VERSION", 3) < 0)
        return NULL; // expect: refcount-leak
    return m;
}

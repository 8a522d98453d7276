/* clean_multiphase_init.c — multi-phase initialisation returns the definition. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int demo_exec(PyObject *m)
{
    return PyModule_AddIntConstant(m, "LEVEL", 2);
}

static PyModuleDef_Slot demo_slots[] = {
    {Py_mod_exec, demo_exec},
    {0, NULL}
};

static struct PyModuleDef demo_module = {
    PyModuleDef_HEAD_INIT, "demo", NULL, 0, NULL, demo_slots, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit_demo(void)
{
    return PyModuleDef_Init(&demo_module);
}

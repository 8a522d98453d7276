/* clean_module_state.c — a heap type reaches its module state through PyType_GetModuleByDef (borrowed, held by the type). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *cache;
} demo_state;

extern struct PyModuleDef demo_module;

PyObject *cache_size(PyObject *self, PyObject *unused)
{
    PyObject *mod = PyType_GetModuleByDef(Py_TYPE(self), &demo_module);
    if (mod == NULL)
        return NULL;
    demo_state *st = PyModule_GetState(mod);
    if (st == NULL)
        return NULL;
    return PyLong_FromSsize_t(PyDict_Size(st->cache));
}

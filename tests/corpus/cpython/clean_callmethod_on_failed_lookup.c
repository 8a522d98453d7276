/* clean_callmethod_on_failed_lookup.c — PyObject_CallMethod fails on a NULL object and keeps the pending exception, so passing it a lookup's unchecked result propagates that error (the _zoneinfo module's idiom); PyModule_GetDef's result is the module's static definition, not a reference. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *clear_cache(PyObject *type)
{
    PyObject *cache = PyObject_GetAttrString(type, "_cache");
    PyObject *rv = PyObject_CallMethod(cache, "clear", NULL);
    Py_XDECREF(cache);
    return rv;
}

int count_methods(PyObject *module)
{
    PyModuleDef *mdef = PyModule_GetDef(module);
    int n = 0;
    if (mdef == NULL)
        return -1;
    for (PyMethodDef *fdef = mdef->m_methods; fdef->ml_name != NULL; fdef++)
        n++;
    return n;
}

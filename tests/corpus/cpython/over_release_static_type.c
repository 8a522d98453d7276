/* over_release_static_type.c — a static type object is borrowed; the module init releases it without owning it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyTypeObject Counter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Counter",
    .tp_basicsize = sizeof(PyObject),
};

int add_counter_type(PyObject *m)
{
    if (PyType_Ready(&Counter_Type) < 0)
        return -1;
    if (PyModule_AddObjectRef(m, "Counter", (PyObject *)&Counter_Type) < 0)
        return -1;
    Py_DECREF(&Counter_Type); // expect: refcount-over-release
    return 0;
}

/* steal_borrowed_static_type.c — PyModule_AddObject steals a reference to the static type the code never took (the classic init bug). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyTypeObject Gadget_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Gadget",
    .tp_basicsize = sizeof(PyObject),
};

int add_gadget(PyObject *m)
{
    if (PyType_Ready(&Gadget_Type) < 0)
        return -1;
    if (PyModule_AddObject(m, "Gadget", (PyObject *)&Gadget_Type) < 0) // expect: refcount-steal-borrowed
        return -1;
    return 0;
}

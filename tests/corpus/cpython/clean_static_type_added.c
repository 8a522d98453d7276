/* clean_static_type_added.c — the static type is incref'd before PyModule_AddObject and released again only on failure. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyTypeObject Widget_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Widget",
    .tp_basicsize = sizeof(PyObject),
};

int add_widget(PyObject *m)
{
    if (PyType_Ready(&Widget_Type) < 0)
        return -1;
    Py_INCREF(&Widget_Type);
    if (PyModule_AddObject(m, "Widget", (PyObject *)&Widget_Type) < 0) {
        Py_DECREF(&Widget_Type);
        return -1;
    }
    return 0;
}

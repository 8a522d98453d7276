/* use_after_release_type_name.c — the type of an object is read after the object's last reference went. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

void report(PyObject *factory)
{
    PyObject *obj = PyObject_CallNoArgs(factory);
    if (obj == NULL) {
        PyErr_Clear();
        return;
    }
    Py_DECREF(obj);
    fprintf(stderr, "made a %s\n", Py_TYPE(obj)->tp_name); // expect: refcount-use-after-release
}

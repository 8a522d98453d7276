/* leak_exception_instance.c — PyErr_SetObject does not steal: the exception value built for it leaks. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *raise_value_error(const char *msg)
{
    PyObject *exc = PyObject_CallFunction(PyExc_ValueError, "s", msg);
    if (exc == NULL)
        return NULL;
    PyErr_SetObject(PyExc_ValueError, exc);
    return NULL; // expect: refcount-leak
}

/* leak_discarded_call_result.c — the result of a method call is dropped: a new reference nobody releases. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int flush_stream(PyObject *stream)
{
    PyObject_CallMethod(stream, "flush", NULL); // expect: refcount-leak
    if (PyErr_Occurred())
        return -1;
    return 0;
}

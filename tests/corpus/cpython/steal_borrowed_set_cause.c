/* steal_borrowed_set_cause.c — PyException_SetCause steals the cause, which was only borrowed. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

void chain(PyObject *exc, PyObject *cause)
{
    PyException_SetCause(exc, cause); // expect: refcount-steal-borrowed
}

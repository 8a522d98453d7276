/* return_borrowed_notimplemented.c — a rich comparison returns Py_NotImplemented without an incref. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long value;
} PointObject;

PyObject *point_richcompare(PyObject *a, PyObject *b, int op)
{
    if (Py_TYPE(a) != Py_TYPE(b) || (op != Py_EQ && op != Py_NE))
        return Py_NotImplemented; // expect: refcount-return-borrowed
    int eq = ((PointObject *)a)->value == ((PointObject *)b)->value;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

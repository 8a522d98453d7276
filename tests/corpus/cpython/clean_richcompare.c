/* clean_richcompare.c — a rich comparison with the NotImplemented and bool return macros. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long value;
} NumObject;

PyObject *num_richcompare(PyObject *a, PyObject *b, int op)
{
    if (Py_TYPE(a) != Py_TYPE(b))
        Py_RETURN_NOTIMPLEMENTED;
    long x = ((NumObject *)a)->value, y = ((NumObject *)b)->value;
    Py_RETURN_RICHCOMPARE(x, y, op);
}

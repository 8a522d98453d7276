/* clean_vectorcall_stack_array.c — references put in a local argument array for PyObject_Vectorcall stay the caller's: it releases them after the call, and a helper that only fills such an array does not steal its parameter. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int call_with_two(PyObject *func, const char *a, const char *b)
{
    PyObject *stack[2];
    PyObject *x = PyUnicode_FromString(a);
    if (x == NULL)
        return -1;
    PyObject *y = PyUnicode_FromString(b);
    if (y == NULL) {
        Py_DECREF(x);
        return -1;
    }
    stack[0] = x;
    stack[1] = y;
    PyObject *res = PyObject_Vectorcall(func, stack, 2, NULL);
    Py_DECREF(y);
    Py_DECREF(x);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static PyObject *call_one(PyObject *func, PyObject *target)
{
    PyObject *stack[1] = {target};
    return PyObject_Vectorcall(func, stack, 1, NULL);
}

PyObject *call_one_borrowed(PyObject *func, PyObject *target)
{
    return call_one(func, target);
}

/* clean_number_chain.c — arithmetic on new references with Py_XDECREF at one exit. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *hypot2(PyObject *a, PyObject *b)
{
    PyObject *aa = NULL, *bb = NULL, *res = NULL;
    aa = PyNumber_Multiply(a, a);
    if (aa == NULL)
        goto out;
    bb = PyNumber_Multiply(b, b);
    if (bb == NULL)
        goto out;
    res = PyNumber_Add(aa, bb);
out:
    Py_XDECREF(aa);
    Py_XDECREF(bb);
    return res;
}

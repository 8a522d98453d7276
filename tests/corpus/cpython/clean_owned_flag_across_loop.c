/* clean_owned_flag_across_loop.c — math.dist: `p_allocated` says whether p is a new tuple; between the conversion and the release a loop with branches makes the join crowded, and widening must keep the flag (it takes two values) or the release looks conditional on nothing. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

double spread(PyObject *p, PyObject *q)
{
    int p_allocated = 0, q_allocated = 0, found_nan = 0;
    double max = 0.0, total = 0.0;
    if (!PyTuple_Check(p)) {
        p = PySequence_Tuple(p);
        if (p == NULL)
            return -1.0;
        p_allocated = 1;
    }
    if (!PyTuple_Check(q)) {
        q = PySequence_Tuple(q);
        if (q == NULL) {
            if (p_allocated)
                Py_DECREF(p);
            return -1.0;
        }
        q_allocated = 1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(p);
    for (Py_ssize_t i = 0; i < n && i < PyTuple_GET_SIZE(q); i++) {
        double a = PyFloat_AsDouble(PyTuple_GET_ITEM(p, i));
        double b = PyFloat_AsDouble(PyTuple_GET_ITEM(q, i));
        if (a == -1.0 && PyErr_Occurred())
            goto error;
        if (b == -1.0 && PyErr_Occurred())
            goto error;
        double x = a > b ? a - b : b - a;
        found_nan |= x != x;
        if (x > max)
            max = x;
        total += x;
    }
    if (p_allocated)
        Py_DECREF(p);
    if (q_allocated)
        Py_DECREF(q);
    return found_nan ? max : total;

error:
    if (p_allocated)
        Py_DECREF(p);
    if (q_allocated)
        Py_DECREF(q);
    return -1.0;
}

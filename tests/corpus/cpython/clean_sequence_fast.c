/* clean_sequence_fast.c — PySequence_Fast with its borrowed items and one release. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

double mean(PyObject *obj)
{
    PyObject *seq = PySequence_Fast(obj, "mean() needs a sequence");
    if (seq == NULL)
        return -1.0;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    double total = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double x = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(seq, i));
        if (x == -1.0 && PyErr_Occurred()) {
            Py_DECREF(seq);
            return -1.0;
        }
        total += x;
    }
    Py_DECREF(seq);
    return n ? total / n : 0.0;
}

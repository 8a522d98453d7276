/* leak_sequence_fast.c — PySequence_Fast returns a new reference that is never released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

Py_ssize_t count_items(PyObject *obj)
{
    PyObject *seq = PySequence_Fast(obj, "expected a sequence");
    if (seq == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    return n; // expect: refcount-leak
}

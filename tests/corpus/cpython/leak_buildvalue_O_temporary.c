/* leak_buildvalue_O_temporary.c — "O" takes its own reference, so the temporary passed to it is never released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *pair_with_count(PyObject *key, long n)
{
    return Py_BuildValue("(OO)", key, PyLong_FromLong(n)); // expect: refcount-leak
}

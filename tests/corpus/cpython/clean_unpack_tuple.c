/* clean_unpack_tuple.c — PyArg_UnpackTuple stores borrowed references. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *choose(PyObject *self, PyObject *args)
{
    PyObject *cond, *a, *b = Py_None;
    if (!PyArg_UnpackTuple(args, "choose", 2, 3, &cond, &a, &b))
        return NULL;
    int t = PyObject_IsTrue(cond);
    if (t < 0)
        return NULL;
    return Py_NewRef(t ? a : b);
}

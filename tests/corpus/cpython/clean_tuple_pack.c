/* clean_tuple_pack.c — PyTuple_Pack takes its own references to borrowed arguments. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *swap(PyObject *a, PyObject *b)
{
    return PyTuple_Pack(2, b, a);
}

/* clean_buildvalue_N_temporary.c — "N" takes over the temporary (and copes with NULL): the usual idiom. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *point(long x, long y)
{
    return Py_BuildValue("(NN)", PyLong_FromLong(x), PyLong_FromLong(y));
}

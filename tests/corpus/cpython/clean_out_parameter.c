/* clean_out_parameter.c — a new reference stored through an out-parameter is the caller's. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int to_text(PyObject *obj, PyObject **out)
{
    *out = PyObject_Str(obj);
    return *out == NULL ? -1 : 0;
}

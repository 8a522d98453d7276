/* unchecked_null_str_utf8.c — PyObject_Str may fail; its NULL goes straight into PyUnicode_AsUTF8. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

const char *label_of(PyObject *obj)
{
    PyObject *s = PyObject_Str(obj);
    const char *c = PyUnicode_AsUTF8(s); // expect: refcount-unchecked-null
    Py_XDECREF(s);
    return c;
}

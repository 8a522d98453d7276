/* use_after_release_utf8.c — the string is released before its UTF-8 buffer is used. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int print_repr(PyObject *obj)
{
    PyObject *r = PyObject_Repr(obj);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    const char *s = PyUnicode_AsUTF8(r); // expect: refcount-use-after-release
    if (s == NULL)
        return -1;
    return puts(s);
}

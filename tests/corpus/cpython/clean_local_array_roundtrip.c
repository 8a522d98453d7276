/* clean_local_array_roundtrip.c — cffi's cdata_richcompare: the arguments are put in a local array with an incref each, possibly replaced by converted values, and released back through the array's slots. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *convert(PyObject *o);

PyObject *compare_converted(PyObject *v, PyObject *w, int op)
{
    PyObject *aa[2];
    PyObject *res = NULL;
    int i;
    aa[0] = v; Py_INCREF(v);
    aa[1] = w; Py_INCREF(w);
    for (i = 0; i < 2; i++) {
        v = aa[i];
        if (!PyLong_Check(v))
            continue;
        w = convert(v);
        if (w == NULL)
            goto error;
        aa[i] = w;
        Py_DECREF(v);
    }
    res = PyObject_RichCompare(aa[0], aa[1], op);
 error:
    Py_DECREF(aa[1]);
    Py_DECREF(aa[0]);
    return res;
}

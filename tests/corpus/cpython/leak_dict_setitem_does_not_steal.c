/* leak_dict_setitem_does_not_steal.c — PyDict_SetItemString takes its own reference: the caller must still release the value. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int set_answer(PyObject *dict)
{
    PyObject *v = PyLong_FromLong(42);
    if (v == NULL)
        return -1;
    if (PyDict_SetItemString(dict, "answer", v) < 0) {
        Py_DECREF(v);
        return -1;
    }
    return 0; // expect: refcount-leak
}

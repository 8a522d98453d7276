/* clean_tuple_items_across_calls.c — items of the argument tuple stay alive across calls that run code: the tuple cannot change and its caller holds it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *call_each(PyObject *self, PyObject *args)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *f = PyTuple_GET_ITEM(args, i);
        PyObject *r = PyObject_CallNoArgs(f);
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
        if (!PyCallable_Check(f))
            return NULL;
    }
    Py_RETURN_NONE;
}

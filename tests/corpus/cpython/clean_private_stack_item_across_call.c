/* clean_private_stack_item_across_call.c — _pickle's do_setitems and load_build: items borrowed from the unpickler's own stack (an array an object holds in a field) stay valid across calls that run code on them; only code given the stack or the unpickler can change it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct { PyObject_VAR_HEAD PyObject **data; Py_ssize_t fence; } Pdata;
typedef struct { PyObject_HEAD Pdata *stack; } Unpickler;

int set_items(Unpickler *self, Py_ssize_t x, Py_ssize_t len)
{
    PyObject *dict = self->stack->data[x - 1];
    for (Py_ssize_t i = x + 1; i < len; i += 2) {
        PyObject *key = self->stack->data[i - 1];
        PyObject *value = self->stack->data[i];
        if (PyObject_SetItem(dict, key, value) < 0)
            return -1;
    }
    return 0;
}

int build(Unpickler *self, PyObject *name, PyObject *state)
{
    PyObject *inst = self->stack->data[Py_SIZE(self->stack) - 1];
    PyObject *setstate;
    if (_PyObject_LookupAttr(inst, name, &setstate) < 0)
        return -1;
    if (setstate != NULL) {
        Py_DECREF(setstate);
        return 0;
    }
    return PyObject_SetAttrString(inst, "state", state);
}

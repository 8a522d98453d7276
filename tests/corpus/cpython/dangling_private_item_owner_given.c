/* dangling_private_item_owner_given.c — an item of an object's own array is borrowed; a call given that object (its method may pop the item) can free it, and list items stay invalidated by any code since Python code mutates lists. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct { PyObject_VAR_HEAD PyObject **data; } Stack;
typedef struct { PyObject_HEAD Stack *stack; PyObject *list; } Machine;

long top_after_hook(Machine *self, PyObject *hook)
{
    PyObject *top = self->stack->data[Py_SIZE(self->stack) - 1];
    PyObject *r = PyObject_CallOneArg(hook, (PyObject *)self);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return PyLong_AsLong(top); // expect: refcount-dangling-borrowed
}

long first_after_hook(Machine *self, PyObject *hook)
{
    PyObject *first = PyList_GET_ITEM(self->list, 0);
    PyObject *r = PyObject_CallNoArgs(hook);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return PyLong_AsLong(first); // expect: refcount-dangling-borrowed
}

/* steal_borrowed_setter_value.c — a getset setter is lent its value; after refusing deletion (NULL) it lets PyTuple_SetItem steal it without an incref. Being in a table, the setter cannot choose to take its argument over. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *pair;     /* a 2-tuple, owned */
} pairobject;

static int pair_set_first(pairobject *self, PyObject *value, void *closure)
{
    (void)closure;
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete first");
        return -1;
    }
    return PyTuple_SetItem(self->pair, 0, value); // expect: refcount-steal-borrowed
}

static PyGetSetDef pair_getset[] = {
    {"first", NULL, (setter)pair_set_first, NULL, NULL},
    {NULL}
};

PyGetSetDef *pair_getsets(void)
{
    return pair_getset;
}

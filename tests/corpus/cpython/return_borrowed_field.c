/* return_borrowed_field.c — a getter returns the field without an incref on the cached path. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *label;
} NodeObject;

PyObject *node_get_label(NodeObject *self, void *closure)
{
    if (self->label != NULL)
        return self->label; // expect: refcount-return-borrowed
    return PyUnicode_FromString("");
}

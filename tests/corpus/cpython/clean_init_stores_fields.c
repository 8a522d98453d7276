/* clean_init_stores_fields.c — tp_init stores new references into the object's fields. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *first;
    PyObject *last;
} NameObject;

int name_init(NameObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *first, *last;
    if (!PyArg_ParseTuple(args, "UU", &first, &last))
        return -1;
    Py_XSETREF(self->first, Py_NewRef(first));
    Py_XSETREF(self->last, Py_NewRef(last));
    return 0;
}

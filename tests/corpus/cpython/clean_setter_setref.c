/* clean_setter_setref.c — a property setter replaces the field with Py_XSETREF. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *title;
} DocObject;

int doc_set_title(DocObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete title");
        return -1;
    }
    Py_XSETREF(self->title, Py_NewRef(value));
    return 0;
}

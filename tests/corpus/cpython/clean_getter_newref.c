/* clean_getter_newref.c — a getter returns a new reference to the field, or None. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *title;
} DocObject;

PyObject *doc_get_title(DocObject *self, void *closure)
{
    if (self->title == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->title);
}

/* clean_borrowed_then_incref_store.c — a field is set from a borrowed dict value after an incref (a store hands the reference over). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *mode;
} ConfObject;

int conf_load(ConfObject *self, PyObject *settings)
{
    PyObject *mode = PyDict_GetItemString(settings, "mode");
    if (mode == NULL)
        return 0;
    Py_INCREF(mode);
    Py_XSETREF(self->mode, mode);
    return 0;
}

/* clean_helper_asserts_null_arg.c — python-systemd's Monitor_close asserts that its args are NULL and never uses them: it takes nothing, so __exit__ passing its own borrowed args on is fine. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <assert.h>

typedef struct { PyObject_HEAD void *monitor; } Monitor;

static PyObject *Monitor_close(Monitor *self, PyObject *args)
{
    assert(self);
    assert(!args);
    self->monitor = NULL;
    Py_RETURN_NONE;
}

static PyObject *Monitor_exit(Monitor *self, PyObject *args)
{
    return Monitor_close(self, args);
}

PyMethodDef monitor_methods[] = {
    {"close", (PyCFunction)Monitor_close, METH_NOARGS, NULL},
    {"__exit__", (PyCFunction)Monitor_exit, METH_VARARGS, NULL},
    {NULL}
};

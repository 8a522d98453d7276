/* clean_vectorcall_variable_slots.c — _asyncio's call_soon: borrowed arguments put in a local array at a computed index ("All refs in 'stack' are borrowed") are not taken over, so its callers keep theirs. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int call_soon(PyObject *loop, PyObject *func, PyObject *arg, PyObject *ctx)
{
    PyObject *stack[3];
    Py_ssize_t nargs = 1;
    PyObject *callable = PyObject_GetAttrString(loop, "call_soon");
    if (callable == NULL)
        return -1;
    stack[0] = func;
    if (arg != NULL) {
        stack[1] = arg;
        nargs++;
    }
    stack[nargs] = ctx;
    PyObject *handle = PyObject_Vectorcall(callable, stack, nargs, NULL);
    Py_DECREF(callable);
    if (handle == NULL)
        return -1;
    Py_DECREF(handle);
    return 0;
}

int schedule(PyObject *loop, PyObject *cb, PyObject *fut, PyObject *context)
{
    return call_soon(loop, cb, fut, context);
}

/* clean_local_struct_state.c — a new reference kept in a field of a local struct (a callback's state) is the function's own: handing it to PyModule_AddObject later moves it, nothing is stolen twice. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct { PyObject *set; int error; } mapper_state;
void for_each_name(void (*cb)(const char *, void *), void *arg);
void add_name(const char *name, void *arg);

int add_names(PyObject *module)
{
    mapper_state state = { .set = PyFrozenSet_New(NULL), .error = 0 };
    if (state.set == NULL)
        return -1;
    for_each_name(add_name, &state);
    if (state.error) {
        Py_DECREF(state.set);
        return -1;
    }
    if (PyModule_AddObject(module, "names", state.set) < 0) {
        Py_DECREF(state.set);
        return -1;
    }
    return 0;
}

/* unchecked_null_dict_value_type.c — PyDict_GetItemString is NULL when the key is absent; its type is read without a check. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

const char *kind_of(PyObject *config)
{
    PyObject *v = PyDict_GetItemString(config, "kind");
    return Py_TYPE(v)->tp_name; // expect: refcount-unchecked-null
}

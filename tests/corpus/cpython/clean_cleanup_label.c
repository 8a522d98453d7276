/* clean_cleanup_label.c — several references released at one cleanup label with Py_XDECREF. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *join_words(PyObject *words, const char *sep)
{
    PyObject *result = NULL;
    PyObject *s = PyUnicode_FromString(sep);
    PyObject *list = PySequence_List(words);
    if (s == NULL || list == NULL)
        goto done;
    result = PyUnicode_Join(s, list);
done:
    Py_XDECREF(s);
    Py_XDECREF(list);
    return result;
}

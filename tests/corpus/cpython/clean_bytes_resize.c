/* clean_bytes_resize.c — _PyBytes_Resize replaces the bytes object in place (and releases it on failure). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *hex_bytes(const unsigned char *data, Py_ssize_t n)
{
    PyObject *out = PyBytes_FromStringAndSize(NULL, 2 * n + 1);
    if (out == NULL)
        return NULL;
    char *p = PyBytes_AS_STRING(out);
    for (Py_ssize_t i = 0; i < n; i++)
        p += sprintf(p, "%02x", data[i]);
    if (_PyBytes_Resize(&out, 2 * n) < 0)
        return NULL;
    return out;
}

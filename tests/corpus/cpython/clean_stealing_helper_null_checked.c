/* clean_stealing_helper_null_checked.c — a static helper that takes over its argument, NULL or not (the _codecs module's codec_tuple): its callers hand it a call's result directly and never release it themselves. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *codec_tuple(PyObject *decoded, Py_ssize_t len)
{
    if (decoded == NULL)
        return NULL;
    return Py_BuildValue("Nn", decoded, len);
}

PyObject *utf8_decode(const char *s, Py_ssize_t n)
{
    return codec_tuple(PyUnicode_DecodeUTF8(s, n, NULL), n);
}

PyObject *latin1_decode(const char *s, Py_ssize_t n)
{
    PyObject *decoded = PyUnicode_DecodeLatin1(s, n, NULL);
    return codec_tuple(decoded, n);
}

/* clean_inout_slot_borrowed.c — faulthandler's get_fileno: the in-out slot holds a borrowed reference; reading it, running code, and storing NULL there takes nothing over. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int get_fileno(PyObject **file_ptr)
{
    PyObject *file = *file_ptr;
    if (file == NULL)
        return -1;
    if (PyLong_Check(file)) {
        int fd = _PyLong_AsInt(file);
        if (fd == -1 && PyErr_Occurred())
            return -1;
        *file_ptr = NULL;
        return fd;
    }
    return -1;
}

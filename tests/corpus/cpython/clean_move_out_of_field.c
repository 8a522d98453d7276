/* clean_move_out_of_field.c — itertools' count_nextlong: the field's reference is read, a new value computed (code runs), and the field overwritten without a release: the reference read is now the function's, and returning it is right. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *cnt;      /* owned */
    PyObject *step;     /* owned */
} countobject;

PyObject *count_next(countobject *lz)
{
    PyObject *cnt = lz->cnt;
    if (cnt == NULL)
        return PyLong_FromLong(0);
    PyObject *next = PyNumber_Add(cnt, lz->step);
    if (next == NULL)
        return NULL;
    lz->cnt = next;
    return cnt;
}

/* clean_field_borrow_across_unrelated_call.c — _elementtree's XMLParser._setevents: a borrow of self's read-only field stays valid across a call that runs code on another object (the queue); that code is not given self or the target. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct { PyObject_HEAD PyObject *events_append; } TargetObject;
typedef struct { PyObject_HEAD PyObject *target; } ParserObject;   /* target: a READONLY member */

PyObject *set_events(ParserObject *self, PyObject *queue)
{
    TargetObject *target = (TargetObject *)self->target;
    PyObject *append = PyObject_GetAttrString(queue, "append");
    if (append == NULL)
        return NULL;
    Py_XSETREF(target->events_append, append);
    Py_RETURN_NONE;
}

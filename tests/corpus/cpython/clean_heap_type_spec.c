/* clean_heap_type_spec.c — a heap type from a PyType_Spec: traverse visits the type, dealloc releases it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *payload;
} BoxObject;

static int box_traverse(BoxObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->payload);
    return 0;
}

static int box_clear(BoxObject *self)
{
    Py_CLEAR(self->payload);
    return 0;
}

static void box_dealloc(BoxObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    box_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyType_Slot box_slots[] = {
    {Py_tp_traverse, box_traverse},
    {Py_tp_clear, box_clear},
    {Py_tp_dealloc, box_dealloc},
    {0, NULL},
};

PyType_Spec box_spec = {
    .name = "demo.Box",
    .basicsize = sizeof(BoxObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = box_slots,
};

/* cycle_traverse_missing_field.c — traverse does not visit one of the object fields. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *left;
    PyObject *right; // expect: cycle-traverse-incomplete
} TreeObject;

static int tree_traverse(TreeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->left);
    return 0;
}

static int tree_clear(TreeObject *self)
{
    Py_CLEAR(self->left);
    Py_CLEAR(self->right);
    return 0;
}

static void tree_dealloc(TreeObject *self)
{
    PyObject_GC_UnTrack(self);
    tree_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

PyTypeObject Tree_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Tree",
    .tp_basicsize = sizeof(TreeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)tree_traverse,
    .tp_clear = (inquiry)tree_clear,
    .tp_dealloc = (destructor)tree_dealloc,
};

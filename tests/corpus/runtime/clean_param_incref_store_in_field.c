/*
 * Clean: a borrowed parameter increfed and stored into a user object's
 * field, replacing the old value.
 *
 * node_set_next() takes a reference for the field and releases the old
 * one with RC_XSETREF. The node type is complete (dealloc, traverse,
 * clear). main() links two nodes and releases them.
 */
#include <rc/rc.h>

typedef struct node {
    RC_OBJECT_HEAD;
    rc_object *next;
} node;

static void node_dealloc(rc_object *self)
{
    RC_CLEAR(((node *)self)->next);
}

static int node_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((node *)self)->next);
    return 0;
}

static void node_clear(rc_object *self)
{
    RC_CLEAR(((node *)self)->next);
}

static const rc_type node_type = {
    "node", sizeof(node), node_dealloc, NULL, node_traverse, node_clear, 0,
};

static void node_set_next(node *n, rc_object *next)
{
    rc_xincref(next);
    RC_XSETREF(n->next, next); // no-warning
}

int main(void)
{
    node *a = RC_NEW(node, &node_type);
    node *b = RC_NEW(node, &node_type);

    if (a != NULL && b != NULL) {
        node_set_next(a, (rc_object *)b);
        node_set_next(a, NULL);
        node_set_next(a, (rc_object *)b);
    }
    rc_xdecref(a);
    rc_xdecref(b);
    return 0;
}

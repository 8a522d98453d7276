/* The same pair of mutually owning nodes, but node_type gives the collector
 * a traverse and a clear: the cycle is found and freed at exit, and
 * cycle-created stays silent. */
#include <rc/rc.h>

typedef struct node {
    RC_OBJECT_HEAD;
    struct node *peer;
} node;

static int node_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    node *n = (node *)self;
    RC_VISIT(n->peer);
    return 0;
}

static void node_clear(rc_object *self)
{
    node *n = (node *)self;
    RC_CLEAR(n->peer);
}

static const rc_type node_type = {
    .name = "node",
    .size = sizeof(node),
    .dealloc = node_clear,
    .traverse = node_traverse,
    .clear = node_clear,
};

int main(void)
{
    node *a = RC_NEW(node, &node_type);
    if (a == NULL)
        return 1;
    node *b = RC_NEW(node, &node_type);
    if (b == NULL) {
        rc_decref(a);
        return 1;
    }
    a->peer = b;
    rc_incref(a);
    b->peer = a;
    rc_decref(a);
    return 0;
}

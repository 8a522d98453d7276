/* Two nodes of an untracked type own each other: neither refcounting nor
 * the collector (node_type has no traverse) can ever free them. The
 * runtime's leak report finds both alive at exit. */
#include <rc/rc.h>

typedef struct node {
    RC_OBJECT_HEAD;
    struct node *peer; // expect: cycle-untracked-type
} node;

static void node_dealloc(rc_object *self)
{
    node *n = (node *)self;
    RC_CLEAR(n->peer);
}

static const rc_type node_type = { "node", sizeof(node), node_dealloc, NULL, NULL, NULL, 0 };

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
    a->peer = b;        /* a now owns b */
    rc_incref(a);
    b->peer = a; // expect: cycle-created
    rc_decref(a);
    return 0;
}

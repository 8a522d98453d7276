/*
 * A user object's field written right after RC_NEW, without a check.
 *
 * RC_NEW returns NULL when the allocation fails; node_new() writes
 * n->value first: the finding stands at that dereference.
 */
#include <rc/rc.h>

typedef struct node {
    RC_OBJECT_HEAD;
    long value;
} node;

static const rc_type node_type = { "node", sizeof(node), NULL, NULL, NULL, NULL, 0 };

node *node_new(long v)
{
    node *n = RC_NEW(node, &node_type);

    n->value = v; // expect: refcount-unchecked-null
    return n;
}

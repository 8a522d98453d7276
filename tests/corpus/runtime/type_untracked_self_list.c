/* A singly linked node type without traverse: its `next` field can point
 * back along the chain (a ring), and nothing could collect such a ring. */
#include <rc/rc.h>

typedef struct lnode {
    RC_OBJECT_HEAD;
    long value;
    struct lnode *next; // expect: cycle-untracked-type
} lnode;

static void lnode_dealloc(rc_object *self)
{
    lnode *n = (lnode *)self;
    RC_CLEAR(n->next);
}

const rc_type lnode_type = { "lnode", sizeof(lnode), lnode_dealloc, NULL, NULL, NULL, 0 };

/* a gives up b (for c) before b points back at a: no cycle is ever
 * built, so only the type (untracked, self-referencing) is reported. */
#include <rc/rc.h>

typedef struct qnode {
    RC_OBJECT_HEAD;
    struct qnode *next; // expect: cycle-untracked-type
} qnode;

static void qnode_dealloc(rc_object *self)
{
    RC_CLEAR(((qnode *)self)->next);
}

const rc_type qnode_type = { "qnode", sizeof(qnode), qnode_dealloc, NULL, NULL, NULL, 0 };

void qnode_relink(qnode *a, qnode *b, qnode *c)
{
    RC_XSETREF(a->next, (qnode *)rc_newref(b));
    RC_XSETREF(a->next, (qnode *)rc_newref(c));
    RC_XSETREF(b->next, (qnode *)rc_newref(a));
}

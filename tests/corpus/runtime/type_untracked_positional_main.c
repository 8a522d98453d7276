/* A positional type table without traverse, and a program that makes a
 * node own itself: the runtime's leak report shows the node alive at exit. */
#include <rc/rc.h>

typedef struct snode {
    RC_OBJECT_HEAD;
    rc_object *self_ref; // expect: cycle-untracked-type
} snode;

static void snode_dealloc(rc_object *self)
{
    RC_CLEAR(((snode *)self)->self_ref);
}

static const rc_type snode_type = { "snode", sizeof(snode), snode_dealloc, NULL, NULL, NULL, 0 };

int main(void)
{
    snode *n = RC_NEW(snode, &snode_type);
    if (n == NULL)
        return 1;
    rc_incref(n);
    n->self_ref = (rc_object *)n; // expect: cycle-created
    rc_decref(n);
    return 0;
}

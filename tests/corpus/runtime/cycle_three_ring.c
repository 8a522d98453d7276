/* Three untracked nodes linked into a ring: the store that closes the ring
 * is reported, with notes at the two others. */
#include <rc/rc.h>

typedef struct rnode {
    RC_OBJECT_HEAD;
    struct rnode *next; // expect: cycle-untracked-type
} rnode;

static void rnode_dealloc(rc_object *self)
{
    RC_CLEAR(((rnode *)self)->next);
}

static const rc_type rnode_type = { "rnode", sizeof(rnode), rnode_dealloc, NULL, NULL, NULL, 0 };

int main(void)
{
    rnode *a = RC_NEW(rnode, &rnode_type);
    rnode *b = RC_NEW(rnode, &rnode_type);
    rnode *c = RC_NEW(rnode, &rnode_type);
    if (a == NULL || b == NULL || c == NULL) {
        rc_xdecref(a);
        rc_xdecref(b);
        rc_xdecref(c);
        return 1;
    }
    a->next = b;
    b->next = c;
    c->next = a; // expect: cycle-created
    return 0;
}

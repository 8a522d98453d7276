/* clear drops the left child and forgets the right one: a cycle through
 * `right` survives the collector's attempt to break it. */
#include <rc/rc.h>

typedef struct bnode {
    RC_OBJECT_HEAD;
    rc_object *left;
    rc_object *right; // expect: cycle-clear-incomplete
} bnode;

static int bnode_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    bnode *b = (bnode *)self;
    RC_VISIT(b->left);
    RC_VISIT(b->right);
    return 0;
}

static void bnode_clear(rc_object *self)
{
    RC_CLEAR(((bnode *)self)->left);
}

static void bnode_dealloc(rc_object *self)
{
    bnode *b = (bnode *)self;
    RC_CLEAR(b->left);
    RC_CLEAR(b->right);
}

const rc_type bnode_type = { "bnode", sizeof(bnode), bnode_dealloc, NULL, bnode_traverse, bnode_clear, 0 };

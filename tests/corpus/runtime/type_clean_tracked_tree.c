/* A binary tree of a tracked type: children are owned, the parent link is
 * borrowed. Building and dropping a tree frees everything. */
#include <rc/rc.h>

typedef struct tnode {
    RC_OBJECT_HEAD;
    struct tnode *left;
    struct tnode *right;
    struct tnode *parent RC_BORROWED_FIELD;
    long key;
} tnode;

static int tnode_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    tnode *t = (tnode *)self;
    RC_VISIT(t->left);
    RC_VISIT(t->right);
    return 0;
}

static void tnode_clear(rc_object *self)
{
    tnode *t = (tnode *)self;
    RC_CLEAR(t->left);
    RC_CLEAR(t->right);
}

static const rc_type tnode_type = {
    .name = "tnode",
    .size = sizeof(tnode),
    .dealloc = tnode_clear,
    .traverse = tnode_traverse,
    .clear = tnode_clear,
};

static RC_RETURNS_NEW RC_MAY_FAIL tnode *tnode_new(long key)
{
    tnode *t = RC_NEW(tnode, &tnode_type);
    if (t != NULL)
        t->key = key;
    return t;
}

int main(void)
{
    tnode *root = tnode_new(2);
    if (root == NULL)
        return 1;
    tnode *l = tnode_new(1);
    if (l == NULL) {
        rc_decref(root);
        return 1;
    }
    l->parent = root;
    root->left = l;
    tnode *r = tnode_new(3);
    if (r == NULL) {
        rc_decref(root);
        return 1;
    }
    r->parent = root;
    root->right = r;
    rc_decref(root);
    return 0;
}

/* A ring of three tracked nodes made by a constructor: freed by the
 * collector at exit, so no cycle-created. */
#include <rc/rc.h>

typedef struct gnode {
    RC_OBJECT_HEAD;
    struct gnode *next;
} gnode;

static int gnode_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((gnode *)self)->next);
    return 0;
}

static void gnode_clear(rc_object *self)
{
    RC_CLEAR(((gnode *)self)->next);
}

static const rc_type gnode_type = { "gnode", sizeof(gnode), gnode_clear, NULL, gnode_traverse, gnode_clear, 0 };

static RC_RETURNS_NEW RC_MAY_FAIL gnode *gnode_new(void)
{
    return RC_NEW(gnode, &gnode_type);
}

int main(void)
{
    gnode *a = gnode_new();
    gnode *b = gnode_new();
    gnode *c = gnode_new();
    if (a == NULL || b == NULL || c == NULL) {
        rc_xdecref(a);
        rc_xdecref(b);
        rc_xdecref(c);
        return 1;
    }
    a->next = b;
    b->next = c;
    c->next = a;
    return 0;
}

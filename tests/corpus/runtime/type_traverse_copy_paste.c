/* traverse visits `left` twice and never `right`: a cycle through `right`
 * is never collected (alive at exit). */
#include <rc/rc.h>

typedef struct lr {
    RC_OBJECT_HEAD;
    rc_object *left;
    rc_object *right; // expect: cycle-traverse-incomplete
} lr;

static int lr_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    lr *n = (lr *)self;
    RC_VISIT(n->left);
    RC_VISIT(n->left);
    return 0;
}

static void lr_clear(rc_object *self)
{
    lr *n = (lr *)self;
    RC_CLEAR(n->left);
    RC_CLEAR(n->right);
}

static const rc_type lr_type = { "lr", sizeof(lr), lr_clear, NULL, lr_traverse, lr_clear, 0 };

int main(void)
{
    lr *n = RC_NEW(lr, &lr_type);
    if (n == NULL)
        return 1;
    n->right = rc_newref(n);
    rc_decref(n);
    return 0;
}

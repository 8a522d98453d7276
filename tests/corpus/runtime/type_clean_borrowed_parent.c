/* A parent owns its child; the child's back-pointer is borrowed (the
 * parent outlives the child by construction). No type cycle, no leak. */
#include <rc/rc.h>

struct parent;

typedef struct child {
    RC_OBJECT_HEAD;
    struct parent *up RC_BORROWED_FIELD;
} child;

typedef struct parent {
    RC_OBJECT_HEAD;
    child *kid;
} parent;

static void parent_dealloc(rc_object *self)
{
    parent *p = (parent *)self;
    if (p->kid != NULL)
        p->kid->up = NULL;
    RC_CLEAR(p->kid);
}

static const rc_type child_type = { "child", sizeof(child), NULL, NULL, NULL, NULL, 0 };
static const rc_type parent_type = { "parent", sizeof(parent), parent_dealloc, NULL, NULL, NULL, 0 };

int main(void)
{
    parent *p = RC_NEW(parent, &parent_type);
    if (p == NULL)
        return 1;
    child *c = RC_NEW(child, &child_type);
    if (c == NULL) {
        rc_decref(p);
        return 1;
    }
    c->up = p;
    p->kid = c;
    rc_decref(p);
    return 0;
}

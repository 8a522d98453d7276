/* The back-pointer is a weak reference object (rc_weakref_new): the child
 * owns the weak reference, not the parent, so no cycle can form. The
 * parent type is flagged weak-referenceable and needs no traverse. */
#include <rc/rc.h>

struct wparent;

typedef struct wchild {
    RC_OBJECT_HEAD;
    rc_object *parent_ref RC_WEAK_FIELD;
} wchild;

typedef struct wparent {
    RC_OBJECT_HEAD;
    wchild *kid;
} wparent;

static void wchild_dealloc(rc_object *self)
{
    RC_CLEAR(((wchild *)self)->parent_ref);
}

static void wparent_dealloc(rc_object *self)
{
    RC_CLEAR(((wparent *)self)->kid);
}

static const rc_type wchild_type = { "wchild", sizeof(wchild), wchild_dealloc, NULL, NULL, NULL, 0 };
static const rc_type wparent_type = {
    "wparent", sizeof(wparent), wparent_dealloc, NULL, NULL, NULL, RC_TYPE_WEAKREF
};

int main(void)
{
    wparent *p = RC_NEW(wparent, &wparent_type);
    if (p == NULL)
        return 1;
    wchild *c = RC_NEW(wchild, &wchild_type);
    if (c == NULL) {
        rc_decref(p);
        return 1;
    }
    c->parent_ref = rc_weakref_new((rc_object *)p, NULL, NULL);
    p->kid = c;
    rc_decref(p);
    return 0;
}

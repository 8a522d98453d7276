/* The owner field is borrowed, so dealloc must not release it and does not. */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct view {
    RC_OBJECT_HEAD;
    num *base RC_BORROWED_FIELD;
    num *cached;
} view;

static void view_dealloc(rc_object *self)
{
    view *v = (view *)self;
    rc_xdecref(v->cached);
}

const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
const rc_type view_type = { "view", sizeof(view), view_dealloc, NULL, NULL, NULL, 0 };

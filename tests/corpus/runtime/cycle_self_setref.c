/* An object made to own itself through RC_XSETREF. */
#include <rc/rc.h>

typedef struct anchor {
    RC_OBJECT_HEAD;
    rc_object *hold; // expect: cycle-untracked-type
} anchor;

static void anchor_dealloc(rc_object *self)
{
    RC_CLEAR(((anchor *)self)->hold);
}

static const rc_type anchor_type = { "anchor", sizeof(anchor), anchor_dealloc, NULL, NULL, NULL, 0 };

int main(void)
{
    anchor *a = RC_NEW(anchor, &anchor_type);
    if (a == NULL)
        return 1;
    RC_XSETREF(a->hold, rc_newref(a)); // expect: cycle-created
    rc_decref(a);
    return 0;
}

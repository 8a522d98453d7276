/* A box holding any object and no traverse: the box may hold a list that
 * holds the box, a cycle the collector cannot see into. */
#include <rc/rc.h>

typedef struct box {
    RC_OBJECT_HEAD;
    rc_object *value; // expect: cycle-untracked-type
} box;

static void box_dealloc(rc_object *self)
{
    box *b = (box *)self;
    RC_CLEAR(b->value);
}

const rc_type box_type = {
    .name = "box",
    .size = sizeof(box),
    .dealloc = box_dealloc,
};

RC_RETURNS_NEW RC_MAY_FAIL rc_object *box_new(rc_object *value)
{
    box *b = RC_NEW(box, &box_type);
    if (b == NULL)
        return NULL;
    b->value = rc_newref(value);
    return (rc_object *)b;
}

/* A fixed array of references in an untracked type. */
#include <rc/rc.h>

typedef struct quad {
    RC_OBJECT_HEAD;
    rc_object *corner[4]; // expect: cycle-untracked-type
} quad;

static void quad_dealloc(rc_object *self)
{
    quad *q = (quad *)self;
    for (int i = 0; i < 4; i++)
        RC_CLEAR(q->corner[i]);
}

const rc_type quad_type = { "quad", sizeof(quad), quad_dealloc, NULL, NULL, NULL, 0 };

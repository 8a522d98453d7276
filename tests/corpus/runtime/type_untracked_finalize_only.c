/* A finalizer does not make a type traversable: with traverse explicitly
 * NULL, a cycle of these objects is never collected. */
#include <rc/rc.h>

typedef struct res {
    RC_OBJECT_HEAD;
    rc_object *owner; // expect: cycle-untracked-type
} res;

static void res_finalize(rc_object *self)
{
    (void)self;
}

static void res_dealloc(rc_object *self)
{
    RC_CLEAR(((res *)self)->owner);
}

const rc_type res_type = {
    .name = "res",
    .size = sizeof(res),
    .dealloc = res_dealloc,
    .finalize = res_finalize,
    .traverse = NULL,
};

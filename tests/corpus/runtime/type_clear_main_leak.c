/* clear forgets `self_ref`: the collector finds the object that owns
 * itself, runs its finalizer, calls clear to break the cycle, and the
 * object survives as uncollectable (alive at exit). (Garbage without
 * finalizers or weak references is freed in bulk without clear, so the
 * finalizer is what puts clear on this path.) */
#include <rc/rc.h>

typedef struct loopy {
    RC_OBJECT_HEAD;
    rc_object *tag;
    rc_object *self_ref; // expect: cycle-clear-incomplete
} loopy;

static int loopy_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    loopy *l = (loopy *)self;
    RC_VISIT(l->tag);
    RC_VISIT(l->self_ref);
    return 0;
}

static void loopy_finalize(rc_object *self)
{
    (void)self;
}

static void loopy_clear(rc_object *self)
{
    RC_CLEAR(((loopy *)self)->tag);
}

static void loopy_dealloc(rc_object *self)
{
    loopy *l = (loopy *)self;
    RC_CLEAR(l->tag);
    RC_CLEAR(l->self_ref);
}

static const rc_type loopy_type = {
    "loopy", sizeof(loopy), loopy_dealloc, loopy_finalize, loopy_traverse, loopy_clear, 0
};

int main(void)
{
    loopy *l = RC_NEW(loopy, &loopy_type);
    if (l == NULL)
        return 1;
    l->self_ref = rc_newref(l);
    rc_decref(l);
    return 0;
}

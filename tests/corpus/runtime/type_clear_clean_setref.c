/* clear replaces the reference with NULL through RC_XSETREF, and resets
 * the other one by hand: the field is set first, then released. */
#include <rc/rc.h>

typedef struct promise {
    RC_OBJECT_HEAD;
    rc_object *result;
    rc_object *callback;
} promise;

static int promise_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    promise *p = (promise *)self;
    RC_VISIT(p->result);
    RC_VISIT(p->callback);
    return 0;
}

static void promise_clear(rc_object *self)
{
    promise *p = (promise *)self;
    RC_XSETREF(p->result, NULL);
    rc_object *cb = p->callback;
    p->callback = NULL;
    rc_xdecref(cb);
}

const rc_type promise_type = {
    "promise", sizeof(promise), promise_clear, NULL, promise_traverse, promise_clear, 0
};

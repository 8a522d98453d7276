/* clear only drops the handler while the object is active. */
#include <rc/rc.h>

typedef struct timerx {
    RC_OBJECT_HEAD;
    int active;
    rc_object *handler; // expect: cycle-clear-incomplete
} timerx;

static int timerx_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((timerx *)self)->handler);
    return 0;
}

static void timerx_clear(rc_object *self)
{
    timerx *t = (timerx *)self;
    if (t->active)
        RC_CLEAR(t->handler);
}

static void timerx_dealloc(rc_object *self)
{
    RC_CLEAR(((timerx *)self)->handler);
}

const rc_type timerx_type = { "timerx", sizeof(timerx), timerx_dealloc, NULL, timerx_traverse, timerx_clear, 0 };

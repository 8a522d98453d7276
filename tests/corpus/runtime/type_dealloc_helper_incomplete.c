/* dealloc delegates to a helper that handles only one of two fields. */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct span {
    RC_OBJECT_HEAD;
    num *start;
    num *stop; // expect: refcount-dealloc-incomplete
} span;

static void span_drop_start(span *s)
{
    RC_CLEAR(s->start);
}

static void span_dealloc(rc_object *self)
{
    span_drop_start((span *)self);
}

const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
const rc_type span_type = { "span", sizeof(span), span_dealloc, NULL, NULL, NULL, 0 };

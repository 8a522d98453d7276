/*
 * The target of a weak reference used without checking that it is alive.
 *
 * rc_weakref_get returns NULL when the target has died. cached_hits()
 * reads c->hits at once: the finding stands at that dereference.
 */
#include <rc/rc.h>

typedef struct counter {
    RC_OBJECT_HEAD;
    long hits;
} counter;

const rc_type counter_type = { "counter", sizeof(counter), NULL, NULL, NULL, NULL, RC_TYPE_WEAKREF };

long cached_hits(rc_object *ref)
{
    counter *c = (counter *)rc_weakref_get(ref);
    long h = c->hits; // expect: refcount-unchecked-null

    rc_decref(c);
    return h;
}

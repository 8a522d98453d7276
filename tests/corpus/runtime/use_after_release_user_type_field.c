/*
 * A field of a user object read after the object was released.
 *
 * count_once() allocates a counter (its only reference), bumps it, releases
 * it and then reads c->hits from freed memory: the use after release stands
 * at that dereference.
 */
#include <rc/rc.h>

typedef struct counter {
    RC_OBJECT_HEAD;
    long hits;
} counter;

static const rc_type counter_type = { "counter", sizeof(counter), NULL, NULL, NULL, NULL, 0 };

long count_once(void)
{
    counter *c = RC_NEW(counter, &counter_type);

    if (c == NULL)
        return -1;
    c->hits++;
    rc_decref(c);
    return c->hits; // expect: refcount-use-after-release
}

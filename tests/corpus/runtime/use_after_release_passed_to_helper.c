/*
 * A released object passed to a local helper that reads it.
 *
 * total_weight() releases e and then hands it to weight_of(): the use
 * after release stands at that call, in the caller (the helper itself is
 * correct).
 */
#include <rc/rc.h>

static long weight_of(rc_object *o)
{
    return rc_int_value(o) * 2;
}

long total_weight(long extra)
{
    rc_object *e = rc_int_new(extra);

    if (e == NULL)
        return -1;
    rc_decref(e);
    return weight_of(e); // expect: refcount-use-after-release
}

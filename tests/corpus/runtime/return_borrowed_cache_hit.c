/*
 * A memoising function whose cache-hit path returns the cache's own
 * reference.
 *
 * cached_square() returns a new reference on a miss (the int it made) and,
 * on a hit, the dict's borrowed value as is: callers release both, so the
 * hit path gives away a reference it does not own. The finding stands at
 * the first return.
 */
#include <rc/rc.h>
#include <stdio.h>

rc_object *cached_square(rc_object *cache, long n)
{
    char key[32];
    rc_object *v;

    snprintf(key, sizeof key, "%ld", n);
    v = rc_dict_get_str(cache, key);
    if (v != NULL)
        return v; // expect: refcount-return-borrowed
    rc_error_clear();
    v = rc_int_new(n * n);
    if (v == NULL)
        return NULL;
    if (rc_dict_set_str(cache, key, v) < 0) {
        rc_decref(v);
        return NULL;
    }
    return v;
}

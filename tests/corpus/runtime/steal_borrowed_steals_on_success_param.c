/*
 * A borrowed parameter passed to a function that steals it on success.
 *
 * cache_adopt() (defined elsewhere, RC_STEALS_ON_SUCCESS(2)) takes over
 * value when it succeeds. remember() passes its caller's borrowed value:
 * on the success path the cache owns a reference nobody gave it. The
 * finding stands at the call.
 */
#include <rc/rc.h>

RC_STEALS_ON_SUCCESS(2) RC_MAY_FAIL int cache_adopt(rc_object *cache, rc_object *value);

int remember(rc_object *cache, rc_object *value)
{
    return cache_adopt(cache, value); // expect: refcount-steal-borrowed
}

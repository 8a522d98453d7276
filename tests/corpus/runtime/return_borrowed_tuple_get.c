/*
 * A tuple accessor annotated RC_RETURNS_NEW returning the tuple's item.
 *
 * pair_key() returns rc_tuple_get's borrowed reference where it promised a
 * new one: the finding stands at that return.
 */
#include <rc/rc.h>

RC_RETURNS_NEW RC_MAY_FAIL rc_object *pair_key(rc_object *pair);

rc_object *pair_key(rc_object *pair)
{
    return rc_tuple_get(pair, 0); // expect: refcount-return-borrowed
}

/*
 * A borrowed parameter stored into a tuple with rc_tuple_set.
 *
 * wrap() receives value borrowed from its caller and lets rc_tuple_set
 * steal it; it needed rc_newref(value). The finding stands at the
 * rc_tuple_set call.
 */
#include <rc/rc.h>

rc_object *wrap(rc_object *value)
{
    rc_object *t = rc_tuple_new(1);

    if (t == NULL)
        return NULL;
    if (rc_tuple_set(t, 0, value) < 0) { // expect: refcount-steal-borrowed
        rc_decref(t);
        return NULL;
    }
    return t;
}

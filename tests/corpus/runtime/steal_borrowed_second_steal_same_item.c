/*
 * One owned reference stolen twice.
 *
 * dup_pair() owns one reference to item; the first rc_tuple_set takes it,
 * and the second steal hands over a reference the function no longer
 * has (it is the tuple's now): the finding stands at the second call.
 */
#include <rc/rc.h>

rc_object *dup_pair(long v)
{
    rc_object *item, *t;

    item = rc_int_new(v);
    if (item == NULL)
        return NULL;
    t = rc_tuple_new(2);
    if (t == NULL) {
        rc_decref(item);
        return NULL;
    }
    if (rc_tuple_set(t, 0, item) < 0) {
        rc_decref(t);
        return NULL;
    }
    if (rc_tuple_set(t, 1, item) < 0) { // expect: refcount-steal-borrowed
        rc_decref(t);
        return NULL;
    }
    return t;
}

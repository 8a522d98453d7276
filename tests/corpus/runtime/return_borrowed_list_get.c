/*
 * A function declared to return a new reference returns a borrowed one.
 *
 * list_first() is annotated RC_RETURNS_NEW, so its callers release the
 * result; it returns rc_list_get's borrowed item without an incref. The
 * finding stands at that return (the NULL return is fine).
 */
#include <rc/rc.h>

RC_RETURNS_NEW RC_MAY_FAIL rc_object *list_first(rc_object *list);

rc_object *list_first(rc_object *list)
{
    rc_object *it = rc_list_get(list, 0);

    if (it == NULL)
        return NULL;
    return it; // expect: refcount-return-borrowed
}

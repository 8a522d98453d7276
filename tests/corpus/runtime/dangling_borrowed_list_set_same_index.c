/*
 * A borrowed item used after rc_list_set replaced it.
 *
 * replace_first() borrows list[0], then stores a replacement at index 0
 * (rc_list_set releases the old item), then reads the old item: the
 * dangling use stands at rc_int_value(old).
 */
#include <rc/rc.h>

int replace_first(rc_object *list, rc_object *replacement, long *old_out)
{
    rc_object *old = rc_list_get(list, 0);

    if (old == NULL)
        return -1;
    rc_incref(replacement);
    if (rc_list_set(list, 0, replacement) < 0)
        return -1;
    *old_out = rc_int_value(old); // expect: refcount-dangling-borrowed
    return 0;
}

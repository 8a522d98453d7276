/*
 * A borrowed item passed to rc_list_set, which steals it.
 *
 * copy_head() gives dst[0] the item it borrowed from src without taking a
 * reference first: dst will release a reference nobody gave it. The
 * finding stands at the rc_list_set call.
 */
#include <rc/rc.h>

int copy_head(rc_object *dst, rc_object *src)
{
    rc_object *head = rc_list_get(src, 0);

    if (head == NULL)
        return -1;
    return rc_list_set(dst, 0, head); // expect: refcount-steal-borrowed
}

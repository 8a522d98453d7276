/*
 * A release moved above the call that still needs the object.
 *
 * push_value() releases v and then appends it: rc_list_append receives a
 * freed object. The use after release stands at the append.
 */
#include <rc/rc.h>

int push_value(rc_object *list, long a)
{
    rc_object *v = rc_int_new(a);

    if (v == NULL)
        return -1;
    rc_decref(v);
    return rc_list_append(list, v); // expect: refcount-use-after-release
}

/*
 * A use through a second variable that aliases a released object.
 *
 * take_first() keeps a copy of the pointer in `alias`, releases the object
 * through `t` with a wrapper macro, and reads it through `alias`: the use
 * after release stands at rc_int_value(alias).
 */
#include <rc/rc.h>

#define DONE_WITH(o) rc_decref(o)

long take_first(rc_object *queue)
{
    rc_object *t = rc_list_pop(queue);
    rc_object *alias;

    if (t == NULL)
        return -1;
    alias = t;
    DONE_WITH(t);
    return rc_int_value(alias); // expect: refcount-use-after-release
}

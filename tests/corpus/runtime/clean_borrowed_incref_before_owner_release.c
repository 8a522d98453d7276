/*
 * Clean: the fix for a borrowed item used after its list is released:
 * take a reference before releasing the list.
 *
 * first_of() increfs the item it borrowed, releases the list, uses the
 * item through its own reference, and releases that. main() runs it.
 */
#include <rc/rc.h>

static long first_of(long a)
{
    rc_object *list = rc_list_new(1);
    rc_object *v, *first;
    long r;

    if (list == NULL)
        return -1;
    v = rc_int_new(a);
    if (v == NULL || rc_list_append(list, v) < 0) {
        rc_xdecref(v);
        rc_decref(list);
        return -1;
    }
    rc_decref(v);
    first = rc_list_get(list, 0);
    if (first == NULL) {
        rc_decref(list);
        return -1;
    }
    rc_incref(first);
    rc_decref(list);
    r = rc_int_value(first); // no-warning
    rc_decref(first);
    return r;
}

int main(void)
{
    (void)first_of(7);
    return 0;
}

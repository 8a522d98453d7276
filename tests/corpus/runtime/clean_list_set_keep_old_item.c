/*
 * Clean: replacing a list item while keeping the old one for the caller.
 *
 * swap_first() takes a reference to the old item before rc_list_set
 * releases the list's, passes a new reference to the replacement (which
 * rc_list_set steals), and returns the old item through *old_out. On
 * failure it drops the reference it took. main() swaps once.
 */
#include <rc/rc.h>

static int swap_first(rc_object *list, rc_object *replacement, rc_object **old_out)
{
    rc_object *old = rc_list_get(list, 0);

    *old_out = NULL;
    if (old == NULL)
        return -1;
    rc_incref(old);
    if (rc_list_set(list, 0, rc_newref(replacement)) < 0) {
        rc_decref(old);
        return -1;
    }
    *old_out = old; // no-warning
    return 0;
}

int main(void)
{
    rc_object *list = rc_list_new(1);
    rc_object *a = rc_int_new(1);
    rc_object *b = rc_int_new(2);
    rc_object *old = NULL;

    if (list != NULL && a != NULL && b != NULL && rc_list_append(list, a) == 0 &&
        swap_first(list, b, &old) == 0)
        rc_decref(old);
    rc_xdecref(a);
    rc_xdecref(b);
    rc_xdecref(list);
    return 0;
}

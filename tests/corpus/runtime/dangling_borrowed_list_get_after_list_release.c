/*
 * The borrowed result of rc_list_get used after the list is released.
 *
 * first_of_fresh() builds a one-item list, borrows its item, releases the
 * list (its only reference, so the list and its item die), and then reads
 * the item: the dangling use stands at rc_int_value(first).
 */
#include <rc/rc.h>

long first_of_fresh(long a)
{
    rc_object *list = rc_list_new(1);
    rc_object *v, *first;

    if (list == NULL)
        return -1;
    v = rc_int_new(a);
    if (v == NULL) {
        rc_decref(list);
        return -1;
    }
    if (rc_list_append(list, v) < 0) {
        rc_decref(v);
        rc_decref(list);
        return -1;
    }
    rc_decref(v);
    first = rc_list_get(list, 0);
    if (first == NULL) {
        rc_decref(list);
        return -1;
    }
    rc_decref(list);
    return rc_int_value(first); // expect: refcount-dangling-borrowed
}

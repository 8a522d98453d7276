/*
 * A tuple item used after the tuple was released.
 *
 * pair_first() packs two ints, borrows slot 0, releases the tuple (the
 * only reference: the tuple and, with it, its items die, since the ints
 * were released after packing), and reads the item: the dangling use
 * stands at rc_int_value(first).
 */
#include <rc/rc.h>

long pair_first(long a, long b)
{
    rc_object *x, *y, *t, *first;

    x = rc_int_new(a);
    if (x == NULL)
        return -1;
    y = rc_int_new(b);
    if (y == NULL) {
        rc_decref(x);
        return -1;
    }
    t = rc_tuple_pack(2, x, y);
    rc_decref(x);
    rc_decref(y);
    if (t == NULL)
        return -1;
    first = rc_tuple_get(t, 0);
    if (first == NULL) {
        rc_decref(t);
        return -1;
    }
    rc_decref(t);
    return rc_int_value(first); // expect: refcount-dangling-borrowed
}

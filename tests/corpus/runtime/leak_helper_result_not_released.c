/*
 * The new reference returned by a local helper kept in a variable and never
 * released.
 *
 * pair_of() returns a new tuple (inferred: it returns rc_tuple_pack's
 * result, or NULL). sum_pair() reads both items and returns the sum without
 * releasing the tuple: the leak stands at the final return. Its early
 * error returns do release it. main() sums one pair.
 */
#include <rc/rc.h>

static rc_object *pair_of(long a, long b)
{
    rc_object *x, *y, *t;

    x = rc_int_new(a);
    if (x == NULL)
        return NULL;
    y = rc_int_new(b);
    if (y == NULL) {
        rc_decref(x);
        return NULL;
    }
    t = rc_tuple_pack(2, x, y);
    rc_decref(x);
    rc_decref(y);
    return t;
}

static long sum_pair(long a, long b)
{
    rc_object *t = pair_of(a, b);
    rc_object *x, *y;

    if (t == NULL)
        return -1;
    x = rc_tuple_get(t, 0);
    y = rc_tuple_get(t, 1);
    if (x == NULL || y == NULL) {
        rc_decref(t);
        return -1;
    }
    return rc_int_value(x) + rc_int_value(y); // expect: refcount-leak
}

int main(void)
{
    (void)sum_pair(2, 3);
    return 0;
}

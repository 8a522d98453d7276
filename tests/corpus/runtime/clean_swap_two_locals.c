/*
 * Clean: two owned references swapped through a temporary.
 *
 * ordered_pair() swaps lo and hi when they are out of order; the swap
 * moves references between variables without losing or duplicating one,
 * so each is released once (by the pack's caller, via the tuple, and here
 * after packing). main() orders (5, 2).
 */
#include <rc/rc.h>

static rc_object *ordered_pair(long a, long b)
{
    rc_object *lo = rc_int_new(a);
    rc_object *hi = rc_int_new(b);
    rc_object *t = NULL;

    if (lo == NULL || hi == NULL)
        goto out;
    if (rc_int_value(lo) > rc_int_value(hi)) {
        rc_object *tmp = lo;

        lo = hi; // no-warning
        hi = tmp;
    }
    t = rc_tuple_pack(2, lo, hi);
out:
    rc_xdecref(lo);
    rc_xdecref(hi);
    return t;
}

int main(void)
{
    rc_object *t = ordered_pair(5, 2);

    rc_xdecref(t);
    return 0;
}

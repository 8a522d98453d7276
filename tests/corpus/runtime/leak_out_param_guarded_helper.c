/*
 * A helper that fails for a zero divisor, called with a divisor that may
 * be zero: the success path is possible, and there the caller drops the
 * quotient.
 *
 * quotient_obj() returns -1 before allocating when b is 0; that does not
 * excuse ratio_is_even(), whose b comes from its caller.
 */
#include <rc/rc.h>

static int quotient_obj(long a, long b, rc_object **q)
{
    *q = NULL;
    if (b == 0)
        return -1;
    *q = rc_int_new(a / b);
    return *q != NULL ? 0 : -1;
}

int ratio_is_even(long a, long b)
{
    rc_object *q;

    if (quotient_obj(a, b, &q) < 0)
        return -1;
    return rc_int_value(q) % 2 == 0; // expect: refcount-leak
}

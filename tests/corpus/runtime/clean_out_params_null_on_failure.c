/*
 * Clean: two out-parameters, both NULL on failure and both new on success.
 *
 * divmod_objs() computes quotient and remainder as new ints. When the
 * second allocation fails it releases the first and resets both outputs;
 * a zero divisor fails before any allocation. main() exercises the success
 * path and the zero-divisor path.
 */
#include <rc/rc.h>

static int divmod_objs(long a, long b, rc_object **q, rc_object **r)
{
    *q = NULL;
    *r = NULL;
    if (b == 0)
        return -1;
    *q = rc_int_new(a / b);
    if (*q == NULL)
        return -1;
    *r = rc_int_new(a % b);
    if (*r == NULL) {
        RC_CLEAR(*q);
        return -1;
    }
    return 0;
}

int main(void)
{
    rc_object *q, *r;

    if (divmod_objs(7, 2, &q, &r) == 0) {
        rc_decref(q);
        rc_decref(r);
    }
    if (divmod_objs(1, 0, &q, &r) < 0) {
        rc_xdecref(q);
        rc_xdecref(r);
    }
    return 0;
}

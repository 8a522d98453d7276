/*
 * Clean: NULL checks written `if (p == NULL)` and `if (NULL == p)`.
 *
 * boxed_sum() boxes a sum; both comparison orders guard the uses that
 * follow. main() boxes one sum.
 */
#include <rc/rc.h>

static rc_object *boxed_sum(rc_object *a, rc_object *b)
{
    rc_object *r;

    if (a == NULL || NULL == b)
        return NULL;
    r = rc_int_new(rc_int_value(a) + rc_int_value(b));
    if (NULL == r)
        return NULL;
    return r;
}

int main(void)
{
    rc_object *a = rc_int_new(1);
    rc_object *b = rc_int_new(2);
    rc_object *s = boxed_sum(a, b);

    if (s != NULL)
        rc_decref(s);
    rc_xdecref(a);
    rc_xdecref(b);
    return 0;
}

/*
 * Clean: a tuple slot that may be unset (NULL, no error) checked before
 * it is used.
 *
 * second_or_zero() returns a new reference to slot 1, or a new int 0 when
 * the slot is unset. main() asks a half-filled tuple.
 */
#include <rc/rc.h>

static rc_object *second_or_zero(rc_object *t)
{
    rc_object *v = rc_tuple_get(t, 1);

    if (v == NULL) {
        rc_error_clear();
        return rc_int_new(0);
    }
    return rc_newref(v);
}

int main(void)
{
    rc_object *t = rc_tuple_new(2);
    rc_object *r;

    if (t == NULL)
        return 0;
    if (rc_tuple_set(t, 0, rc_int_new(1)) < 0)
        rc_error_clear();
    r = second_or_zero(t);
    rc_xdecref(r);
    rc_decref(t);
    return 0;
}

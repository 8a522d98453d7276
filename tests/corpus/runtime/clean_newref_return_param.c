/*
 * Clean: a new-reference function that returns its argument with
 * rc_newref, the fix for returning a borrowed reference.
 *
 * default_if_null() returns a new int for NULL and a new reference to v
 * otherwise, so the caller releases the result on both paths. main()
 * calls it both ways.
 */
#include <rc/rc.h>

static rc_object *default_if_null(rc_object *v)
{
    if (v == NULL)
        return rc_int_new(0);
    return rc_newref(v); // no-warning
}

int main(void)
{
    rc_object *v = rc_int_new(3);
    rc_object *a = default_if_null(v);
    rc_object *b = default_if_null(NULL);

    rc_xdecref(a);
    rc_xdecref(b);
    rc_xdecref(v);
    return 0;
}

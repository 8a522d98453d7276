/*
 * A nested call whose inner result is a temporary nobody releases.
 *
 * rc_str_concat borrows both arguments and returns a new str. In join3()
 * the inner concatenation's result is passed straight to the outer call and
 * lost: the leak stands on that line. The outer result is returned to the
 * caller, which releases it. main() joins three strings.
 */
#include <rc/rc.h>

static rc_object *join3(rc_object *a, rc_object *b, rc_object *c)
{
    return rc_str_concat(rc_str_concat(a, b), c); // expect: refcount-leak
}

int main(void)
{
    rc_object *a = rc_str_new("a");
    rc_object *b = rc_str_new("b");
    rc_object *c = rc_str_new("c");
    rc_object *abc = NULL;

    if (a != NULL && b != NULL && c != NULL)
        abc = join3(a, b, c);
    rc_xdecref(abc);
    rc_xdecref(a);
    rc_xdecref(b);
    rc_xdecref(c);
    return 0;
}

/*
 * Clean: an optional argument handled with rc_xincref/rc_xdecref.
 *
 * with_default() keeps its own reference to the optional value (NULL is
 * allowed) while it works and drops it at the end; both primitives accept
 * NULL. main() calls it with and without a value.
 */
#include <rc/rc.h>

static long with_default(rc_object *opt, long dflt)
{
    long r = dflt;

    rc_xincref(opt);
    if (opt != NULL)
        r = rc_int_value(opt);
    rc_xdecref(opt); // no-warning
    return r;
}

int main(void)
{
    rc_object *v = rc_int_new(2);

    (void)with_default(v, 1);
    (void)with_default(NULL, 1);
    rc_xdecref(v);
    return 0;
}

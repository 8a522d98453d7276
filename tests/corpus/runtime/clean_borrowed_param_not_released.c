/*
 * Clean: parameters borrowed from the caller, used and not released.
 *
 * describe() reads both arguments and makes a new str for the caller;
 * it never releases what it was given. main() releases its own objects.
 */
#include <rc/rc.h>
#include <stdio.h>

static rc_object *describe(rc_object *name, rc_object *count)
{
    char buf[64];
    const char *s = rc_str_value(name);

    if (s == NULL)
        return NULL;
    snprintf(buf, sizeof buf, "%s=%ld", s, rc_int_value(count));
    return rc_str_new(buf); // no-warning
}

int main(void)
{
    rc_object *name = rc_str_new("n");
    rc_object *count = rc_int_new(2);
    rc_object *d = NULL;

    if (name != NULL && count != NULL)
        d = describe(name, count);
    rc_xdecref(d);
    rc_xdecref(name);
    rc_xdecref(count);
    return 0;
}

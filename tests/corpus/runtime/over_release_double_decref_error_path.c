/*
 * A release before the check, then again in the error branch.
 *
 * log_name() drops its reference right after the append (fine: the list
 * has its own), then drops it again when the append failed: the second
 * rc_decref releases a reference the function no longer owns. main() passes
 * an int as the list, so the append fails and the second release hits a
 * freed str.
 */
#include <rc/rc.h>

static int log_name(rc_object *names, const char *s)
{
    rc_object *name = rc_str_new(s);
    int rc;

    if (name == NULL)
        return -1;
    rc = rc_list_append(names, name);
    rc_decref(name);
    if (rc < 0) {
        rc_decref(name); // expect: refcount-over-release
        return -1;
    }
    return 0;
}

int main(void)
{
    rc_object *bogus = rc_int_new(0);

    if (bogus == NULL)
        return 0;
    (void)log_name(bogus, "x");
    rc_decref(bogus);
    return 0;
}

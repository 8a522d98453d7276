/*
 * rc_xdecref on a borrowed result that may be NULL.
 *
 * has_flag() reads opts[name] (borrowed, NULL if missing) and releases it
 * with rc_xdecref, which is a no-op only for NULL: when the flag exists the
 * over-release stands there. main() sets the flag, asks and releases the
 * dict: abort.
 */
#include <rc/rc.h>

static int has_flag(rc_object *opts, const char *name)
{
    rc_object *v = rc_dict_get_str(opts, name);
    int r = v != NULL && rc_int_value(v) != 0;

    if (v == NULL)
        rc_error_clear();
    rc_xdecref(v); // expect: refcount-over-release
    return r;
}

int main(void)
{
    rc_object *opts = rc_dict_new();
    rc_object *on = rc_int_new(1);

    if (opts != NULL && on != NULL && rc_dict_set_str(opts, "verbose", on) == 0) {
        RC_CLEAR(on);
        (void)has_flag(opts, "verbose");
    }
    rc_xdecref(on);
    rc_xdecref(opts);
    return 0;
}

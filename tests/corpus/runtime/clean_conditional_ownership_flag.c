/*
 * Clean: conditional ownership tracked with a flag.
 *
 * value_or_default() borrows the dict's value on a hit and makes a default
 * on a miss, setting `owned`; the release at the end is guarded by the
 * flag, so each path releases exactly what it owns (a path-insensitive
 * checker would see a possible leak or over-release). main() looks up one
 * present and one missing key.
 */
#include <rc/rc.h>

static long value_or_default(rc_object *d, const char *key)
{
    rc_object *v;
    int owned = 0;
    long r;

    v = rc_dict_get_str(d, key);
    if (v == NULL) {
        rc_error_clear();
        v = rc_int_new(-1);
        if (v == NULL)
            return -1;
        owned = 1;
    }
    r = rc_int_value(v);
    if (owned)
        rc_decref(v); // no-warning
    return r; // no-warning
}

int main(void)
{
    rc_object *d = rc_dict_new();
    rc_object *one = rc_int_new(1);

    if (d != NULL && one != NULL && rc_dict_set_str(d, "one", one) == 0) {
        (void)value_or_default(d, "one");
        (void)value_or_default(d, "two");
    }
    rc_xdecref(one);
    rc_xdecref(d);
    return 0;
}

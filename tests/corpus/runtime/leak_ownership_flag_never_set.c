/*
 * Conditional ownership tracked with a flag that is never set.
 *
 * value_or_default() borrows the dict's value when the key exists and makes
 * a default int when it does not. The cleanup releases v only if `owned`,
 * but the miss branch forgets to set the flag, so the default's reference
 * is lost at `return r`. On the hit path v is borrowed and nothing leaks.
 * main() looks up a missing key.
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
    }
    r = rc_int_value(v);
    if (owned)
        rc_decref(v);
    return r; // expect: refcount-leak
}

int main(void)
{
    rc_object *d = rc_dict_new();

    if (d == NULL)
        return 0;
    (void)value_or_default(d, "missing");
    rc_decref(d);
    return 0;
}

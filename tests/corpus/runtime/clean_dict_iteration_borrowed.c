/*
 * Clean: borrowed keys and values from rc_dict_next used in the loop
 * body and not released.
 *
 * longest_key() only reads; the dict is not changed while iterating.
 * main() iterates a two-entry dict.
 */
#include <rc/rc.h>

static size_t longest_key(rc_object *d)
{
    size_t pos = 0, best = 0;
    rc_object *k, *v;

    while (rc_dict_next(d, &pos, &k, &v)) {
        size_t len = rc_str_len(k); // no-warning

        if (len > best && rc_int_value(v) >= 0)
            best = len;
    }
    return best;
}

int main(void)
{
    rc_object *d = rc_dict_new();
    rc_object *v = rc_int_new(1);

    if (d != NULL && v != NULL && rc_dict_set_str(d, "a", v) == 0 &&
        rc_dict_set_str(d, "bcd", v) == 0)
        (void)longest_key(d);
    rc_xdecref(v);
    rc_xdecref(d);
    return 0;
}

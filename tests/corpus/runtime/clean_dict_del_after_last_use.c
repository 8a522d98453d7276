/*
 * Clean: a borrowed dict value used before the entry is deleted, never
 * after.
 *
 * take_value() reads the value first and deletes the entry afterwards,
 * so the borrowed reference is not used once it may be gone. main() takes
 * one value.
 */
#include <rc/rc.h>

static int take_value(rc_object *d, rc_object *key, long *out)
{
    rc_object *v = rc_dict_get(d, key);

    if (v == NULL)
        return -1;
    *out = rc_int_value(v);
    return rc_dict_del(d, key); // no-warning
}

int main(void)
{
    rc_object *d = rc_dict_new();
    rc_object *k = rc_str_new("k");
    rc_object *v = rc_int_new(3);
    long out;

    if (d != NULL && k != NULL && v != NULL && rc_dict_set(d, k, v) == 0)
        (void)take_value(d, k, &out);
    rc_xdecref(v);
    rc_xdecref(k);
    rc_xdecref(d);
    return 0;
}

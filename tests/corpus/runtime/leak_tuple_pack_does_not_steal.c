/*
 * rc_tuple_pack mistaken for a stealing constructor.
 *
 * rc_tuple_pack increfs each argument. make_entry() releases key after
 * packing but not val, so its reference to val is lost at `return t`.
 * main() makes one entry and releases it: the int stays alive.
 */
#include <rc/rc.h>

static rc_object *make_entry(const char *name, long v)
{
    rc_object *key, *val, *t;

    key = rc_str_new(name);
    if (key == NULL)
        return NULL;
    val = rc_int_new(v);
    if (val == NULL) {
        rc_decref(key);
        return NULL;
    }
    t = rc_tuple_pack(2, key, val);
    rc_decref(key);
    return t; // expect: refcount-leak
}

int main(void)
{
    rc_object *e = make_entry("x", 1);

    rc_xdecref(e);
    return 0;
}

/*
 * Clean: rc_tuple_pack's arguments released after packing, since the
 * pack took its own references.
 *
 * entry() releases key and val on every path after the pack; the tuple
 * goes to the caller. main() makes and releases one entry.
 */
#include <rc/rc.h>

static rc_object *entry(const char *name, long v)
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
    rc_decref(val); // no-warning
    return t;
}

int main(void)
{
    rc_object *e = entry("x", 1);

    rc_xdecref(e);
    return 0;
}

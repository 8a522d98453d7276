/*
 * A release on one branch, followed by an unconditional use.
 *
 * store_or_drop() releases val for negative values, meaning to skip the
 * store, but still stores it: on that path rc_dict_set_str receives a freed
 * object. The use after release stands at the store. On the other path the
 * store is followed by the one release, which is correct.
 */
#include <rc/rc.h>

int store_or_drop(rc_object *d, const char *key, long v)
{
    rc_object *val = rc_int_new(v);
    int rc;

    if (val == NULL)
        return -1;
    if (v < 0)
        rc_decref(val);
    rc = rc_dict_set_str(d, key, val); // expect: refcount-use-after-release
    if (v >= 0)
        rc_decref(val);
    return rc;
}

/*
 * A borrowed dict value used after the same key was overwritten.
 *
 * bump() borrows counts[key], stores a new value under the same key (which
 * releases the old value: the dict held its only reference), and then
 * reads the old value: the dangling use stands at rc_int_value(old).
 */
#include <rc/rc.h>

long bump(rc_object *counts, const char *key)
{
    rc_object *old = rc_dict_get_str(counts, key);
    rc_object *nv;

    if (old == NULL)
        return -1;
    nv = rc_int_new(rc_int_value(old) + 1);
    if (nv == NULL)
        return -1;
    if (rc_dict_set_str(counts, key, nv) < 0) {
        rc_decref(nv);
        return -1;
    }
    rc_decref(nv);
    return rc_int_value(old); // expect: refcount-dangling-borrowed
}

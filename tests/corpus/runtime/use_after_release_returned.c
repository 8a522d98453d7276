/*
 * A missing return after a release: the released object is returned.
 *
 * make_name() refuses empty names by releasing n, but forgets to return
 * NULL, so it returns the freed object: the use after release stands at
 * the final return (returning an object is a use; it is not a borrowed
 * return, since the function owned it and released it).
 */
#include <rc/rc.h>

rc_object *make_name(const char *s)
{
    rc_object *n = rc_str_new(s);

    if (n == NULL)
        return NULL;
    if (rc_str_len(n) == 0) {
        rc_decref(n);
    }
    return n; // expect: refcount-use-after-release
}

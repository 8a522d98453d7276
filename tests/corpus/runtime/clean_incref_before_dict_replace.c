/*
 * Clean: the old dict value kept alive with an incref across the store
 * that replaces it.
 *
 * bump() takes a reference to the old count before storing the new one
 * (which releases the dict's reference to the old), reads it, and
 * releases it. main() bumps a counter.
 */
#include <rc/rc.h>

static long bump(rc_object *counts, const char *key)
{
    rc_object *old = rc_dict_get_str(counts, key);
    rc_object *nv;
    long before;

    if (old == NULL)
        return -1;
    rc_incref(old);
    nv = rc_int_new(rc_int_value(old) + 1);
    if (nv == NULL) {
        rc_decref(old);
        return -1;
    }
    if (rc_dict_set_str(counts, key, nv) < 0) {
        rc_decref(nv);
        rc_decref(old);
        return -1;
    }
    rc_decref(nv);
    before = rc_int_value(old); // no-warning
    rc_decref(old);
    return before;
}

int main(void)
{
    rc_object *counts = rc_dict_new();
    rc_object *zero = rc_int_new(0);

    if (counts != NULL && zero != NULL && rc_dict_set_str(counts, "hits", zero) == 0) {
        RC_CLEAR(zero);
        (void)bump(counts, "hits");
    }
    rc_xdecref(zero);
    rc_xdecref(counts);
    return 0;
}

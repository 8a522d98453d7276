/*
 * Clean: an item used briefly after the tuple stole it.
 *
 * make_and_measure() hands s to the tuple and then reads its length: s is
 * now borrowed from t, which is alive and was not changed in between. The
 * tuple goes to the caller through *out. main() releases it.
 */
#include <rc/rc.h>

static long make_and_measure(rc_object **out)
{
    rc_object *t, *s;
    long len;

    *out = NULL;
    t = rc_tuple_new(1);
    if (t == NULL)
        return -1;
    s = rc_str_new("hello");
    if (s == NULL) {
        rc_decref(t);
        return -1;
    }
    if (rc_tuple_set(t, 0, s) < 0) {
        rc_decref(t);
        return -1;
    }
    len = (long)rc_str_len(s); // no-warning
    *out = t;
    return len;
}

int main(void)
{
    rc_object *t;

    if (make_and_measure(&t) < 0)
        return 0;
    rc_decref(t);
    return 0;
}

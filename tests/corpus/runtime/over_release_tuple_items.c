/*
 * Both borrowed items of a tuple released after unpacking.
 *
 * unpack_sum() releases the two references rc_tuple_get lent it: two
 * over-releases, one at each rc_decref. main() packs two ints, drops its
 * own references, unpacks and releases the tuple, which aborts.
 */
#include <rc/rc.h>

static int unpack_sum(rc_object *pair, long *out)
{
    rc_object *a = rc_tuple_get(pair, 0);
    rc_object *b = rc_tuple_get(pair, 1);

    if (a == NULL || b == NULL)
        return -1;
    *out = rc_int_value(a) + rc_int_value(b);
    rc_decref(a); // expect: refcount-over-release
    rc_decref(b); // expect: refcount-over-release
    return 0;
}

int main(void)
{
    rc_object *a = rc_int_new(1);
    rc_object *b = rc_int_new(2);
    rc_object *t = NULL;
    long sum;

    if (a != NULL && b != NULL)
        t = rc_tuple_pack(2, a, b);
    rc_xdecref(a);
    rc_xdecref(b);
    if (t == NULL)
        return 0;
    (void)unpack_sum(t, &sum);
    rc_decref(t);
    return 0;
}

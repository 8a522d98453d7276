/*
 * A borrowed out-parameter of rc_dict_next released in the loop.
 *
 * rc_dict_next stores borrowed references to the key and value; total()
 * releases each value: the over-release stands at that rc_decref. main()
 * sums a one-entry dict and releases it, which aborts on the freed value.
 */
#include <rc/rc.h>

static long total(rc_object *d)
{
    size_t pos = 0;
    rc_object *k, *v;
    long sum = 0;

    while (rc_dict_next(d, &pos, &k, &v)) {
        sum += rc_int_value(v);
        rc_decref(v); // expect: refcount-over-release
    }
    return sum;
}

int main(void)
{
    rc_object *d = rc_dict_new();
    rc_object *one = rc_int_new(1);

    if (d != NULL && one != NULL && rc_dict_set_str(d, "a", one) == 0) {
        RC_CLEAR(one);
        (void)total(d);
    }
    rc_xdecref(one);
    rc_xdecref(d);
    return 0;
}

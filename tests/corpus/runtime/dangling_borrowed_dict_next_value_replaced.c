/*
 * A value from rc_dict_next used after the loop body replaced it.
 *
 * clamp_negative() iterates the dict and, for negative values, stores 0
 * under the same key (releasing the old value), then logs the old value it
 * still holds as a borrowed reference: the dangling use stands at that
 * rc_int_value. Replacing a value does not disturb the iteration itself.
 */
#include <rc/rc.h>
#include <stdio.h>

int clamp_negative(rc_object *d)
{
    size_t pos = 0;
    rc_object *k, *v;

    while (rc_dict_next(d, &pos, &k, &v)) {
        rc_object *zero;

        if (rc_int_value(v) >= 0)
            continue;
        zero = rc_int_new(0);
        if (zero == NULL)
            return -1;
        if (rc_dict_set(d, k, zero) < 0) {
            rc_decref(zero);
            return -1;
        }
        rc_decref(zero);
        fprintf(stderr, "clamped %ld\n", rc_int_value(v)); // expect: refcount-dangling-borrowed
    }
    return 0;
}

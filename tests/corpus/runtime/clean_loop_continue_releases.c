/*
 * Clean: a continue that releases the current item before skipping.
 *
 * count_odd() boxes each value; for even values it releases the box and
 * continues, otherwise it appends it and releases it at the bottom. Each
 * iteration ends owning nothing, so the next assignment overwrites nothing
 * owned. main() counts over [2, 3, 4].
 */
#include <rc/rc.h>

static long count_odd(const long *values, size_t n, rc_object *seen)
{
    rc_object *box;
    long odd = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        box = rc_int_new(values[i]); // no-warning
        if (box == NULL)
            return -1;
        if (values[i] % 2 == 0) {
            rc_decref(box);
            continue;
        }
        odd++;
        if (rc_list_append(seen, box) < 0)
            rc_error_clear();
        rc_decref(box);
    }
    return odd;
}

int main(void)
{
    static const long values[] = { 2, 3, 4 };
    rc_object *seen = rc_list_new(3);

    if (seen == NULL)
        return 0;
    (void)count_odd(values, 3, seen);
    rc_decref(seen);
    return 0;
}

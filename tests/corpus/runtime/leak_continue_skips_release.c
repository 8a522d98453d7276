/*
 * A continue that skips the release at the bottom of the loop body.
 *
 * count_odd() makes a boxed copy of each value and releases it at the end
 * of the body, but `continue` for even values skips that release. The
 * owned reference is lost either when the next iteration overwrites `box`
 * (the assignment line) or, after an even last value, at the return. main()
 * counts over [2, 3, 4].
 */
#include <rc/rc.h>

static long count_odd(const long *values, size_t n, rc_object *seen)
{
    rc_object *box;
    long odd = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        box = rc_int_new(values[i]); // expect: refcount-leak
        if (box == NULL)
            return -1;
        if (values[i] % 2 == 0)
            continue;
        odd++;
        if (rc_list_append(seen, box) < 0)
            rc_error_clear();
        rc_decref(box);
    }
    return odd; // expect: refcount-leak
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

/*
 * Clean: a status variable tested with `if (rc)`.
 *
 * append_all() keeps the status of each append in rc and tests it as a
 * truth value; the item is released before the test, so both branches are
 * balanced. main() appends to a list and then to an int (which fails).
 */
#include <rc/rc.h>

static int append_all(rc_object *dst, const long *vals, size_t n)
{
    size_t i;
    int rc = 0;

    for (i = 0; i < n; i++) {
        rc_object *v = rc_int_new(vals[i]);

        if (!v)
            return -1;
        rc = rc_list_append(dst, v);
        rc_decref(v);
        if (rc)
            return rc;
    }
    return rc;
}

int main(void)
{
    static const long vals[] = { 1, 2 };
    rc_object *dst = rc_list_new(2);
    rc_object *bogus = rc_int_new(0);

    if (dst != NULL && append_all(dst, vals, 2))
        rc_error_clear();
    if (bogus != NULL && append_all(bogus, vals, 2))
        rc_error_clear();
    rc_xdecref(bogus);
    rc_xdecref(dst);
    return 0;
}

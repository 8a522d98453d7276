/*
 * Clean: ownership decided in nested conditions, each path releasing what
 * it owns.
 *
 * render() makes a str in the inner branch only when needed, and releases
 * it in the same branch after appending it; the outer branches own
 * nothing extra.
 */
#include <rc/rc.h>

int render(rc_object *out, long v, int verbose)
{
    if (v >= 0) {
        if (verbose) {
            rc_object *s = rc_str_new("non-negative");
            int rc;

            if (s == NULL)
                return -1;
            rc = rc_list_append(out, s);
            rc_decref(s);
            if (rc < 0)
                return -1;
        }
    } else {
        rc_object *n = rc_int_new(-v);

        if (n == NULL)
            return -1;
        if (rc_list_append(out, n) < 0) {
            rc_decref(n);
            return -1;
        }
        rc_decref(n);
    }
    return 0;
}

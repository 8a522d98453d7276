/*
 * A search whose found path returns a borrowed value and whose not-found
 * path returns a new default.
 *
 * first_positive() returns a new int 0 when nothing matches, so it is a
 * new-reference function; the match path returns rc_dict_next's borrowed
 * value: the finding stands at that return.
 */
#include <rc/rc.h>

rc_object *first_positive(rc_object *d)
{
    size_t pos = 0;
    rc_object *k, *v;

    while (rc_dict_next(d, &pos, &k, &v)) {
        if (rc_int_value(v) > 0)
            return v; // expect: refcount-return-borrowed
    }
    return rc_int_new(0);
}

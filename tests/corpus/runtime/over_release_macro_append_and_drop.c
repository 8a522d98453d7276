/*
 * A convenience macro that releases its argument, used on a borrowed one.
 *
 * APPEND_AND_DROP(list, v) appends v and releases it, which is right for a
 * new reference. copy_first() uses it on the borrowed result of
 * rc_list_get: the release inside the macro stands on the line of the
 * macro use. main() copies [1] into an empty list and releases both: the
 * second release of the int aborts.
 */
#include <rc/rc.h>

#define APPEND_AND_DROP(list, v)                \
    do {                                        \
        if (rc_list_append((list), (v)) < 0)    \
            rc_error_clear();                   \
        rc_decref(v);                           \
    } while (0)

static void copy_first(rc_object *dst, rc_object *src)
{
    rc_object *it = rc_list_get(src, 0);

    if (it == NULL) {
        rc_error_clear();
        return;
    }
    APPEND_AND_DROP(dst, it); // expect: refcount-over-release
}

int main(void)
{
    rc_object *src = rc_list_new(1);
    rc_object *dst = rc_list_new(1);
    rc_object *one = rc_int_new(1);

    if (src != NULL && dst != NULL && one != NULL && rc_list_append(src, one) == 0) {
        RC_CLEAR(one);
        copy_first(dst, src);
    }
    rc_xdecref(one);
    rc_xdecref(src);
    rc_xdecref(dst);
    return 0;
}

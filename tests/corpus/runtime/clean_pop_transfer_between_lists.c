/*
 * Clean: items popped from one list (new references) appended to another
 * and released.
 *
 * move_all() appends each popped item to dst and releases its own
 * reference, also when the append fails. main() moves two items.
 */
#include <rc/rc.h>

static int move_all(rc_object *dst, rc_object *src)
{
    rc_object *it;

    while (rc_list_size(src) > 0) {
        int rc;

        it = rc_list_pop(src);
        if (it == NULL)
            return -1;
        rc = rc_list_append(dst, it);
        rc_decref(it);
        if (rc < 0)
            return -1;
    }
    return 0;
}

int main(void)
{
    rc_object *src = rc_list_new(2);
    rc_object *dst = rc_list_new(2);
    rc_object *v = rc_int_new(1);

    if (src != NULL && dst != NULL && v != NULL && rc_list_append(src, v) == 0 &&
        rc_list_append(src, v) == 0)
        (void)move_all(dst, src);
    rc_xdecref(v);
    rc_xdecref(src);
    rc_xdecref(dst);
    return 0;
}

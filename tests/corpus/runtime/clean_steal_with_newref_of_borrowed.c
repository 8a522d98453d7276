/*
 * Clean: a borrowed item given to a stealing store through rc_newref,
 * the fix for stealing a borrowed reference.
 *
 * copy_head() passes rc_newref(head) to rc_list_set, so the destination
 * takes over a reference the function made for it. main() copies the
 * head of one list into another.
 */
#include <rc/rc.h>

static int copy_head(rc_object *dst, rc_object *src)
{
    rc_object *head = rc_list_get(src, 0);

    if (head == NULL)
        return -1;
    return rc_list_set(dst, 0, rc_newref(head)); // no-warning
}

int main(void)
{
    rc_object *src = rc_list_new(1);
    rc_object *dst = rc_list_new(1);
    rc_object *a = rc_int_new(1);
    rc_object *b = rc_int_new(2);

    if (src != NULL && dst != NULL && a != NULL && b != NULL &&
        rc_list_append(src, a) == 0 && rc_list_append(dst, b) == 0)
        (void)copy_head(dst, src);
    rc_xdecref(a);
    rc_xdecref(b);
    rc_xdecref(src);
    rc_xdecref(dst);
    return 0;
}

/*
 * A release of a reference that rc_list_set already stole.
 *
 * rc_list_set takes over item; put_first() then releases it as if it still
 * owned it, leaving the list holding a dangling pointer. main() replaces
 * the first item of [0] and releases the list, which aborts in the debug
 * runtime on the freed item.
 */
#include <rc/rc.h>

static int put_first(rc_object *list, long v)
{
    rc_object *item = rc_int_new(v);

    if (item == NULL)
        return -1;
    if (rc_list_set(list, 0, item) < 0)
        return -1;
    rc_decref(item); // expect: refcount-over-release
    return 0;
}

int main(void)
{
    rc_object *list = rc_list_new(1);
    rc_object *zero = rc_int_new(0);

    if (list == NULL || zero == NULL || rc_list_append(list, zero) < 0) {
        rc_xdecref(zero);
        rc_xdecref(list);
        return 0;
    }
    rc_decref(zero);
    (void)put_first(list, 5);
    rc_decref(list);
    return 0;
}

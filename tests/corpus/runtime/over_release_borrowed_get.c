/*
 * The borrowed result of rc_list_get released as if it were owned.
 *
 * rc_list_get returns a borrowed reference; first_value() releases it, so
 * the item loses the list's reference: the over-release stands at that
 * rc_decref. main() builds [7], calls it, and releases the list, which then
 * releases a freed item: the debug runtime aborts.
 */
#include <rc/rc.h>

static long first_value(rc_object *list)
{
    rc_object *first = rc_list_get(list, 0);
    long v;

    if (first == NULL)
        return -1;
    v = rc_int_value(first);
    rc_decref(first); // expect: refcount-over-release
    return v;
}

int main(void)
{
    rc_object *list = rc_list_new(1);
    rc_object *seven = rc_int_new(7);

    if (list == NULL || seven == NULL || rc_list_append(list, seven) < 0) {
        rc_xdecref(seven);
        rc_xdecref(list);
        return 0;
    }
    rc_decref(seven);
    (void)first_value(list);
    rc_decref(list);
    return 0;
}

/*
 * Clean: a borrowed item kept across rc_list_append on the same list.
 *
 * Appending may move the list's item array but releases nothing and runs
 * no user code, so the item borrowed before the append is still owned by
 * the list afterwards. duplicate_first() appends the first item again and
 * then reads it. main() runs it on [4].
 */
#include <rc/rc.h>

static long duplicate_first(rc_object *list)
{
    rc_object *first = rc_list_get(list, 0);

    if (first == NULL)
        return -1;
    if (rc_list_append(list, first) < 0)
        return -1;
    return rc_int_value(first); // no-warning
}

int main(void)
{
    rc_object *list = rc_list_new(1);
    rc_object *v = rc_int_new(4);

    if (list != NULL && v != NULL && rc_list_append(list, v) == 0)
        (void)duplicate_first(list);
    rc_xdecref(v);
    rc_xdecref(list);
    return 0;
}

/*
 * A borrowed item used after its list was cleared.
 *
 * reset_and_report() borrows the last item, clears the list (which
 * releases every item), and returns the item's value: the dangling use
 * stands at that rc_int_value.
 */
#include <rc/rc.h>

long reset_and_report(rc_object *list)
{
    rc_object *last;
    size_t n = rc_list_size(list);

    if (n == 0)
        return 0;
    last = rc_list_get(list, n - 1);
    if (last == NULL)
        return -1;
    if (rc_list_clear(list) < 0)
        return -1;
    return rc_int_value(last); // expect: refcount-dangling-borrowed
}

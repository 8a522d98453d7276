/*
 * Clean: borrowed items from rc_list_get read and not released.
 *
 * sum() reads each item while the list (borrowed from the caller) holds
 * it; nothing can free the items in between. main() sums [0, 1, 2].
 */
#include <rc/rc.h>

static long sum(rc_object *list)
{
    size_t i, n = rc_list_size(list);
    long total = 0;

    for (i = 0; i < n; i++) {
        rc_object *it = rc_list_get(list, i);

        if (it == NULL)
            return -1;
        total += rc_int_value(it); // no-warning
    }
    return total;
}

int main(void)
{
    rc_object *list = rc_list_new(3);
    long i;

    if (list == NULL)
        return 0;
    for (i = 0; i < 3; i++) {
        rc_object *v = rc_int_new(i);

        if (v == NULL)
            break;
        if (rc_list_append(list, v) < 0)
            rc_error_clear();
        rc_decref(v);
    }
    (void)sum(list);
    rc_decref(list);
    return 0;
}

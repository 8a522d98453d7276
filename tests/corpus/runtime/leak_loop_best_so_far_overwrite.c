/*
 * A running maximum that takes a reference to each new best and never
 * drops the previous one.
 *
 * max_item() returns a new reference to the largest int in the list. It
 * increfs each new maximum, but when a later item beats it, `best = it`
 * overwrites the owned reference to the previous best: the leak stands on
 * that assignment. The first assignment overwrites NULL and loses nothing;
 * the final best is returned to the caller. main() scans [1, 2, 3], so the
 * extra references to 1 and 2 keep them alive after the list is released.
 */
#include <rc/rc.h>

static rc_object *max_item(rc_object *list)
{
    rc_object *best = NULL;
    size_t i, n = rc_list_size(list);

    for (i = 0; i < n; i++) {
        rc_object *it = rc_list_get(list, i);

        if (it == NULL) {
            rc_xdecref(best);
            return NULL;
        }
        if (best == NULL || rc_int_value(it) > rc_int_value(best)) {
            best = it; // expect: refcount-leak
            rc_incref(best);
        }
    }
    return best;
}

int main(void)
{
    rc_object *list = rc_list_new(3);
    rc_object *best;
    long i;

    if (list == NULL)
        return 0;
    for (i = 1; i <= 3; i++) {
        rc_object *v = rc_int_new(i);

        if (v == NULL)
            break;
        if (rc_list_append(list, v) < 0)
            rc_error_clear();
        rc_decref(v);
    }
    best = max_item(list);
    rc_xdecref(best);
    rc_decref(list);
    return 0;
}

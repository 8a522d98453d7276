/*
 * Clean: project macros wrapping the primitives.
 *
 * HOLD/DROP wrap rc_incref/rc_decref and REPLACE wraps RC_XSETREF;
 * remember_max() takes a reference to each new maximum and drops the
 * previous one through them, returning the last one held. main() scans
 * [1, 3, 2] and releases the result.
 */
#include <rc/rc.h>

#define HOLD(o) rc_incref(o)
#define DROP(o) rc_decref(o)
#define REPLACE(dst, src) RC_XSETREF(dst, src)

static rc_object *remember_max(rc_object *list)
{
    rc_object *best = NULL;
    size_t i, n = rc_list_size(list);

    for (i = 0; i < n; i++) {
        rc_object *it = rc_list_get(list, i);

        if (it == NULL)
            break;
        if (best == NULL || rc_int_value(it) > rc_int_value(best)) {
            HOLD(it);
            REPLACE(best, it); // no-warning
        }
    }
    return best;
}

int main(void)
{
    static const long vals[] = { 1, 3, 2 };
    rc_object *list = rc_list_new(3);
    rc_object *best;
    size_t i;

    if (list == NULL)
        return 0;
    for (i = 0; i < 3; i++) {
        rc_object *v = rc_int_new(vals[i]);

        if (v == NULL)
            break;
        if (rc_list_append(list, v) < 0)
            rc_error_clear();
        DROP(v);
    }
    best = remember_max(list);
    if (best != NULL)
        DROP(best);
    DROP(list);
    return 0;
}

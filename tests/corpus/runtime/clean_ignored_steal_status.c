/*
 * Clean: the status of a stealing call deliberately ignored.
 *
 * rc_tuple_set steals its item even when it fails, so discarding its
 * status cannot leak the item (the tuple slot may just stay empty). main()
 * sets a valid and an invalid slot.
 */
#include <rc/rc.h>

static void try_set(rc_object *t, size_t i, long v)
{
    rc_object *o = rc_int_new(v);

    if (o == NULL)
        return;
    (void)rc_tuple_set(t, i, o); // no-warning
}

int main(void)
{
    rc_object *t = rc_tuple_new(1);

    if (t == NULL)
        return 0;
    try_set(t, 0, 1);
    try_set(t, 9, 2);
    rc_error_clear();
    rc_decref(t);
    return 0;
}

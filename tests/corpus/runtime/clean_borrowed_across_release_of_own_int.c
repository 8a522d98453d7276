/*
 * Clean: a borrowed item used after releasing an unrelated int the
 * function made itself.
 *
 * Releasing an int cannot run user code (ints have no finalizer and own
 * nothing), and the int is not the list the item was borrowed from, so
 * the item is still alive. scaled_first() makes a factor, multiplies,
 * releases the factor, then reads the item again.
 */
#include <rc/rc.h>

static long scaled_first(rc_object *list, long k)
{
    rc_object *first = rc_list_get(list, 0);
    rc_object *factor;
    long r;

    if (first == NULL)
        return -1;
    factor = rc_int_new(k);
    if (factor == NULL)
        return -1;
    r = rc_int_value(first) * rc_int_value(factor);
    rc_decref(factor);
    return r + rc_int_value(first); // no-warning
}

int main(void)
{
    rc_object *list = rc_list_new(1);
    rc_object *v = rc_int_new(2);

    if (list != NULL && v != NULL && rc_list_append(list, v) == 0)
        (void)scaled_first(list, 3);
    rc_xdecref(v);
    rc_xdecref(list);
    return 0;
}

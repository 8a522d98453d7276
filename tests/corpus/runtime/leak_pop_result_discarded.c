/*
 * rc_list_pop used as "remove the last item", its result dropped.
 *
 * rc_list_pop hands the list's reference to the caller (a new reference);
 * drop_last() ignores it, so the item can never be freed. The leak stands
 * on the call's line. main() pops one of two items and releases the list.
 */
#include <rc/rc.h>

static void drop_last(rc_object *stack)
{
    if (rc_list_size(stack) > 0)
        rc_list_pop(stack); // expect: refcount-leak
}

static int push(rc_object *stack, long v)
{
    rc_object *o = rc_int_new(v);
    int rc;

    if (o == NULL)
        return -1;
    rc = rc_list_append(stack, o);
    rc_decref(o);
    return rc;
}

int main(void)
{
    rc_object *stack = rc_list_new(2);

    if (stack == NULL)
        return 0;
    if (push(stack, 1) == 0 && push(stack, 2) == 0)
        drop_last(stack);
    rc_decref(stack);
    return 0;
}

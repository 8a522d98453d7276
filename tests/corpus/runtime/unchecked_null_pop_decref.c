/*
 * rc_decref applied directly to rc_list_pop, which fails on an empty list.
 *
 * discard_top() drops the top of the stack with rc_decref(rc_list_pop(s));
 * on an empty stack rc_list_pop returns NULL and rc_decref dereferences
 * it. The finding stands at that line (rc_xdecref, or a check, is needed).
 */
#include <rc/rc.h>

void discard_top(rc_object *stack)
{
    rc_decref(rc_list_pop(stack)); // expect: refcount-unchecked-null
}

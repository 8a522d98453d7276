/*
 * Clean: a function annotated RC_RETURNS_BORROWED that returns
 * rc_list_get's result, and a caller that does not release it.
 *
 * stack_top() lends the top item; peek_value() reads it while the stack
 * holds it. main() peeks at a one-item stack.
 */
#include <rc/rc.h>

static RC_RETURNS_BORROWED RC_MAY_FAIL rc_object *stack_top(rc_object *stack);

static rc_object *stack_top(rc_object *stack)
{
    size_t n = rc_list_size(stack);

    if (n == 0)
        return NULL;
    return rc_list_get(stack, n - 1); // no-warning
}

static long peek_value(rc_object *stack)
{
    rc_object *top = stack_top(stack);

    if (top == NULL)
        return -1;
    return rc_int_value(top);
}

int main(void)
{
    rc_object *stack = rc_list_new(1);
    rc_object *v = rc_int_new(9);

    if (stack != NULL && v != NULL && rc_list_append(stack, v) == 0)
        (void)peek_value(stack);
    rc_xdecref(v);
    rc_xdecref(stack);
    return 0;
}

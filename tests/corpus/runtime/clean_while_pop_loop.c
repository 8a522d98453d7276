/*
 * Clean: draining a list with `while ((item = rc_list_pop(l)) != NULL)`.
 *
 * Each popped item is a new reference, released at the end of the body
 * after its last use; the NULL that ends the loop owns nothing. main()
 * drains a list of two ints.
 */
#include <rc/rc.h>

static long drain(rc_object *stack)
{
    rc_object *item;
    long sum = 0;

    while ((item = rc_list_pop(stack)) != NULL) {
        sum += rc_int_value(item);
        rc_decref(item);
    }
    rc_error_clear();
    return sum;
}

int main(void)
{
    rc_object *stack = rc_list_new(2);
    long i;

    if (stack == NULL)
        return 0;
    for (i = 1; i <= 2; i++) {
        rc_object *v = rc_int_new(i);

        if (v == NULL)
            break;
        if (rc_list_append(stack, v) < 0)
            rc_error_clear();
        rc_decref(v);
    }
    (void)drain(stack);
    rc_decref(stack);
    return 0;
}

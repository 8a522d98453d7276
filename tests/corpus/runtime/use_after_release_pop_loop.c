/*
 * Statements in the wrong order in a drain loop: release, then read.
 *
 * rc_list_pop hands over the list's reference; drain_sum() releases it
 * (freeing the item) before adding its value: the use after release stands
 * at rc_int_value.
 */
#include <rc/rc.h>

long drain_sum(rc_object *stack)
{
    long sum = 0;
    rc_object *it;

    while ((it = rc_list_pop(stack)) != NULL) {
        rc_decref(it);
        sum += rc_int_value(it); // expect: refcount-use-after-release
    }
    rc_error_clear();
    return sum;
}

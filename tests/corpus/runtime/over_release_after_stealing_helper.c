/*
 * A release after calling a helper annotated RC_STEALS, which always takes
 * its argument.
 *
 * queue_push() steals item, even when it fails (it releases it then).
 * push_number() releases v again on failure: the over-release stands at
 * that rc_decref. main() passes a str as the queue, so the push fails, v is
 * freed inside queue_push, and the second release aborts.
 */
#include <rc/rc.h>

static RC_STEALS(2) RC_MAY_FAIL int queue_push(rc_object *queue, rc_object *item);

static int queue_push(rc_object *queue, rc_object *item)
{
    int rc = rc_list_append(queue, item);

    rc_decref(item);
    return rc;
}

static int push_number(rc_object *queue, long n)
{
    rc_object *v = rc_int_new(n);

    if (v == NULL)
        return -1;
    if (queue_push(queue, v) < 0) {
        rc_decref(v); // expect: refcount-over-release
        return -1;
    }
    return 0;
}

int main(void)
{
    rc_object *not_a_queue = rc_str_new("q");

    if (not_a_queue == NULL)
        return 0;
    (void)push_number(not_a_queue, 1);
    rc_decref(not_a_queue);
    return 0;
}

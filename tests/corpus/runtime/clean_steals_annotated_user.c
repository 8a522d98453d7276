/*
 * Clean: a user function annotated RC_STEALS, given new references and
 * never followed by a release.
 *
 * queue_push() takes over its item on success and on failure.
 * push_numbers() hands it each new int without releasing it afterwards.
 * main() pushes into a list and into a str (failure).
 */
#include <rc/rc.h>

static RC_STEALS(2) RC_MAY_FAIL int queue_push(rc_object *queue, rc_object *item);

static int queue_push(rc_object *queue, rc_object *item)
{
    int rc = rc_list_append(queue, item);

    rc_decref(item);
    return rc;
}

static int push_numbers(rc_object *queue, long n)
{
    long i;

    for (i = 0; i < n; i++) {
        rc_object *v = rc_int_new(i);

        if (v == NULL)
            return -1;
        if (queue_push(queue, v) < 0) // no-warning
            return -1;
    }
    return 0;
}

int main(void)
{
    rc_object *queue = rc_list_new(2);
    rc_object *bogus = rc_str_new("q");

    if (queue != NULL)
        (void)push_numbers(queue, 2);
    if (bogus != NULL && push_numbers(bogus, 2) < 0)
        rc_error_clear();
    rc_xdecref(bogus);
    rc_xdecref(queue);
    return 0;
}

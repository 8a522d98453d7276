/*
 * A release in a branch followed by RC_CLEAR of the same pointer at the
 * cleanup label.
 *
 * run_job() pops a job (a new reference) and releases it when the job is
 * negative, but does not reset the pointer; the cleanup's RC_CLEAR then
 * releases it a second time: the over-release stands at RC_CLEAR. On the
 * other paths RC_CLEAR is the one correct release. main() queues -1.
 */
#include <rc/rc.h>

static int run_job(rc_object *queue)
{
    rc_object *job = rc_list_pop(queue);
    int rc = -1;

    if (job == NULL)
        goto out;
    if (rc_int_value(job) < 0) {
        rc_decref(job);
        goto out;
    }
    rc = 0;
out:
    RC_CLEAR(job); // expect: refcount-over-release
    return rc;
}

int main(void)
{
    rc_object *queue = rc_list_new(1);
    rc_object *job = rc_int_new(-1);

    if (queue != NULL && job != NULL && rc_list_append(queue, job) == 0) {
        RC_CLEAR(job);
        (void)run_job(queue);
    }
    rc_xdecref(job);
    rc_xdecref(queue);
    return 0;
}

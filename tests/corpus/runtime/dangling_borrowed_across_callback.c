/*
 * A borrowed dict value held across a call that runs user callbacks.
 *
 * notify() is annotated RC_RUNS_CODE: it calls an observer, which may
 * change or clear the model. update_and_read() borrows model["value"],
 * notifies, and then reads the value it borrowed before: the dangling use
 * stands at rc_int_value(cur). The fix is an incref before notify().
 */
#include <rc/rc.h>

typedef void (*observer_fn)(rc_object *subject, void *arg);

struct observer {
    observer_fn fn;
    void *arg;
};

RC_RUNS_CODE void notify(const struct observer *obs, rc_object *subject);

void notify(const struct observer *obs, rc_object *subject)
{
    if (obs->fn != NULL)
        obs->fn(subject, obs->arg);
}

long update_and_read(rc_object *model, const struct observer *obs)
{
    rc_object *cur = rc_dict_get_str(model, "value");

    if (cur == NULL)
        return -1;
    notify(obs, model);
    return rc_int_value(cur); // expect: refcount-dangling-borrowed
}

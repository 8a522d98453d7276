/*
 * Clean: a borrowed value protected with an incref across a call that
 * runs user code, the fix for the re-entrancy bug.
 *
 * notify() is annotated RC_RUNS_CODE. update_and_read() takes its own
 * reference to the value before notifying, reads it after, and releases
 * it. main() runs it with an observer that replaces the value.
 */
#include <rc/rc.h>

typedef void (*observer_fn)(rc_object *subject, void *arg);

struct observer {
    observer_fn fn;
    void *arg;
};

static RC_RUNS_CODE void notify(const struct observer *obs, rc_object *subject);

static void notify(const struct observer *obs, rc_object *subject)
{
    if (obs->fn != NULL)
        obs->fn(subject, obs->arg);
}

static long update_and_read(rc_object *model, const struct observer *obs)
{
    rc_object *cur = rc_dict_get_str(model, "value");
    long r;

    if (cur == NULL)
        return -1;
    rc_incref(cur);
    notify(obs, model);
    r = rc_int_value(cur); // no-warning
    rc_decref(cur);
    return r;
}

static void reset_value(rc_object *model, void *arg)
{
    rc_object *zero = rc_int_new(0);

    (void)arg;
    if (zero == NULL)
        return;
    if (rc_dict_set_str(model, "value", zero) < 0)
        rc_error_clear();
    rc_decref(zero);
}

int main(void)
{
    struct observer obs = { reset_value, NULL };
    rc_object *model = rc_dict_new();
    rc_object *v = rc_int_new(5);

    if (model != NULL && v != NULL && rc_dict_set_str(model, "value", v) == 0) {
        RC_CLEAR(v);
        (void)update_and_read(model, &obs);
    }
    rc_xdecref(v);
    rc_xdecref(model);
    return 0;
}

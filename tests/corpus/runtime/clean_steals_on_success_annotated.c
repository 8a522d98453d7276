/*
 * Clean: a call annotated RC_STEALS_ON_SUCCESS, with a release on the
 * failure path only.
 *
 * registry_add() takes over item when it returns 0; register_name()
 * releases name only when the call failed. main() registers into a list
 * (success) and into an int (failure).
 */
#include <rc/rc.h>

static RC_STEALS_ON_SUCCESS(2) RC_MAY_FAIL int registry_add(rc_object *registry, rc_object *item);

static int registry_add(rc_object *registry, rc_object *item)
{
    if (rc_list_append(registry, item) < 0)
        return -1;
    rc_decref(item);
    return 0;
}

static int register_name(rc_object *registry, const char *s)
{
    rc_object *name = rc_str_new(s);

    if (name == NULL)
        return -1;
    if (registry_add(registry, name) < 0) {
        rc_decref(name);
        return -1;
    }
    return 0; // no-warning
}

int main(void)
{
    rc_object *registry = rc_list_new(1);
    rc_object *bogus = rc_int_new(0);

    if (registry != NULL)
        (void)register_name(registry, "svc");
    if (bogus != NULL && register_name(bogus, "svc") < 0)
        rc_error_clear();
    rc_xdecref(bogus);
    rc_xdecref(registry);
    return 0;
}

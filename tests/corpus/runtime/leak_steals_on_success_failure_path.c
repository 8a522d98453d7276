/*
 * A call that steals only on success, treated as if it always stole.
 *
 * registry_add() is annotated RC_STEALS_ON_SUCCESS(2): when it returns 0 it
 * has taken over `item`; when it fails the caller still owns it. Its body
 * is correct for that contract. register_name() returns -1 on failure
 * without releasing name, so the reference is lost at that return. main()
 * passes an int as the registry, so the append inside fails.
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
    if (registry_add(registry, name) < 0)
        return -1; // expect: refcount-leak
    return 0;
}

int main(void)
{
    rc_object *bogus = rc_int_new(0);

    if (bogus == NULL)
        return 0;
    if (register_name(bogus, "svc") < 0)
        rc_error_clear();
    rc_decref(bogus);
    return 0;
}

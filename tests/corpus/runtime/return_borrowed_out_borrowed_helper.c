/*
 * A new-reference function that returns what a borrowed out-parameter
 * gave it.
 *
 * lookup_ref() fills *out with a borrowed reference (RC_OUT_BORROWED).
 * resolve() is annotated RC_RETURNS_NEW and returns that value as is: the
 * finding stands at its last return.
 */
#include <rc/rc.h>

RC_OUT_BORROWED(2) int lookup_ref(rc_object *table, rc_object **out, const char *name);

int lookup_ref(rc_object *table, rc_object **out, const char *name)
{
    *out = rc_dict_get_str(table, name);
    return *out != NULL ? 0 : -1;
}

RC_RETURNS_NEW RC_MAY_FAIL rc_object *resolve(rc_object *table, const char *name);

rc_object *resolve(rc_object *table, const char *name)
{
    rc_object *found;

    if (lookup_ref(table, &found, name) < 0)
        return NULL;
    return found; // expect: refcount-return-borrowed
}

/*
 * The old value of a field, read before RC_SETREF replaced it, used after.
 *
 * swap_value() copies s->value (borrowed from the slot), replaces the field
 * with RC_SETREF (which releases the old value), and returns the old
 * value's int: the dangling use stands at rc_int_value(old).
 */
#include <rc/rc.h>

struct slot {
    rc_object *value;
};

long swap_value(struct slot *s, long nv)
{
    rc_object *old = s->value;
    rc_object *fresh;

    if (old == NULL)
        return -1;
    fresh = rc_int_new(nv);
    if (fresh == NULL)
        return -1;
    RC_SETREF(s->value, fresh);
    return rc_int_value(old); // expect: refcount-dangling-borrowed
}

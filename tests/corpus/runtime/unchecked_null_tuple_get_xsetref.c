/*
 * An unset tuple slot (NULL, with no error) incref'd into a field.
 *
 * rc_tuple_get returns NULL for a slot that was never set as well as on
 * failure. refresh() stores rc_newref of it with RC_XSETREF: the incref
 * dereferences NULL. The finding stands at that line.
 */
#include <rc/rc.h>

struct slot {
    rc_object *value;
};

void refresh(struct slot *s, rc_object *t)
{
    rc_object *v = rc_tuple_get(t, 1);

    RC_XSETREF(s->value, rc_newref(v)); // expect: refcount-unchecked-null
}

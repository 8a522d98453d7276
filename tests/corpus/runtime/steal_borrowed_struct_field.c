/*
 * A struct's field passed to rc_tuple_set without a reference of its own.
 *
 * record_as_tuple() copies r->name into slot 0 directly (the record keeps
 * owning it, and the tuple will release it too), while slot 1 is done
 * right with rc_newref. The finding stands at the first rc_tuple_set.
 */
#include <rc/rc.h>

struct record {
    rc_object *name;
    rc_object *age;
};

rc_object *record_as_tuple(const struct record *r)
{
    rc_object *t = rc_tuple_new(2);

    if (t == NULL)
        return NULL;
    if (rc_tuple_set(t, 0, r->name) < 0) // expect: refcount-steal-borrowed
        goto fail;
    if (rc_tuple_set(t, 1, rc_newref(r->age)) < 0)
        goto fail;
    return t;
fail:
    rc_decref(t);
    return NULL;
}

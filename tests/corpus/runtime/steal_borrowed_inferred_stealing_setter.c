/*
 * A borrowed reference passed to a local setter that takes over its
 * argument (no annotation: the steal must be inferred from the body).
 *
 * holder_put() stores obj into h->obj without an incref and releases the
 * old value: like rc_list_set, it steals obj. holder_fill() passes it an
 * item borrowed from a list: the finding stands at the holder_put call.
 */
#include <rc/rc.h>

struct holder {
    rc_object *obj;
};

/* Takes over obj (the caller's reference becomes the holder's). */
void holder_put(struct holder *h, rc_object *obj)
{
    RC_XSETREF(h->obj, obj);
}

void holder_fill(struct holder *h, rc_object *list)
{
    rc_object *it = rc_list_get(list, 0);

    if (it == NULL)
        return;
    holder_put(h, it); // expect: refcount-steal-borrowed
}

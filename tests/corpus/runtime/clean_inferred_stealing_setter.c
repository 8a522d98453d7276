/*
 * Clean: a local setter that takes over its argument (no annotation, the
 * steal is inferred from its body), given new references only.
 *
 * holder_put() stores obj into the field without an incref and releases
 * the old value. Its callers pass rc_int_new results or rc_newref of a
 * borrowed item, and never release them afterwards. main() fills and
 * clears a holder.
 */
#include <rc/rc.h>

struct holder {
    rc_object *obj;
};

/* Takes over obj (the caller's reference becomes the holder's). */
static void holder_put(struct holder *h, rc_object *obj)
{
    RC_XSETREF(h->obj, obj);
}

static int holder_fill(struct holder *h, rc_object *list)
{
    rc_object *v = rc_int_new(1);
    rc_object *it;

    if (v == NULL)
        return -1;
    holder_put(h, v); // no-warning
    it = rc_list_get(list, 0);
    if (it == NULL)
        return -1;
    holder_put(h, rc_newref(it)); // no-warning
    return 0;
}

int main(void)
{
    struct holder h = { NULL };
    rc_object *list = rc_list_new(1);
    rc_object *s = rc_str_new("s");

    if (list != NULL && s != NULL && rc_list_append(list, s) == 0 &&
        holder_fill(&h, list) < 0)
        rc_error_clear();
    RC_CLEAR(h.obj);
    rc_xdecref(s);
    rc_xdecref(list);
    return 0;
}

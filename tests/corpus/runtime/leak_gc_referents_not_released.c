/*
 * A collector query's result list dropped after reading its size.
 *
 * rc_gc_get_referents returns a new list; count_children() returns its
 * size without releasing it: the leak stands at that return. main() counts
 * the children of a list of one int.
 */
#include <rc/rc.h>

static size_t count_children(rc_object *o)
{
    rc_object *refs = rc_gc_get_referents(o);

    if (refs == NULL)
        return 0;
    return rc_list_size(refs); // expect: refcount-leak
}

int main(void)
{
    rc_object *list = rc_list_new(1);
    rc_object *v = rc_int_new(1);

    if (list != NULL && v != NULL && rc_list_append(list, v) == 0)
        (void)count_children(list);
    rc_xdecref(v);
    rc_xdecref(list);
    return 0;
}

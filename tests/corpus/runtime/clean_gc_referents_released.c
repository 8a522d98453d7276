/*
 * Clean: a collector query's new list released after reading its size.
 *
 * count_children() releases the list rc_gc_get_referents returned. main()
 * counts the children of a one-item list.
 */
#include <rc/rc.h>

static size_t count_children(rc_object *o)
{
    rc_object *refs = rc_gc_get_referents(o);
    size_t n;

    if (refs == NULL)
        return 0;
    n = rc_list_size(refs);
    rc_decref(refs);
    return n;
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

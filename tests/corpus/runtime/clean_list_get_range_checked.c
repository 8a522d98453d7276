/*
 * Clean: an index checked against the list's size before rc_list_get.
 *
 * item_or_default() rejects an index out of range first, so the borrowed
 * result cannot be NULL when it is incref'd.
 */
#include <rc/rc.h>

rc_object *item_or_default(rc_object *list, size_t i, rc_object *dflt)
{
    rc_object *it;

    if (i >= rc_list_size(list))
        return rc_newref(dflt);
    it = rc_list_get(list, i);
    rc_incref(it);
    return it;
}

/*
 * The result of rc_list_get incref'd without a check.
 *
 * rc_list_get returns NULL for an index out of range; nth_item() increfs
 * its result directly: the finding stands at the rc_incref.
 */
#include <rc/rc.h>

rc_object *nth_item(rc_object *list, size_t i)
{
    rc_object *it = rc_list_get(list, i);

    rc_incref(it); // expect: refcount-unchecked-null
    return it;
}

/*
 * A borrowed dict value handed to a stealing list store.
 *
 * promote() copies cfg["default"] into slot i of the list with
 * rc_list_set, which takes over a reference the function only borrowed
 * from the dict. The finding stands at the rc_list_set call.
 */
#include <rc/rc.h>

int promote(rc_object *cfg, rc_object *slots, size_t i)
{
    rc_object *dflt = rc_dict_get_str(cfg, "default");

    if (dflt == NULL)
        return -1;
    if (rc_list_set(slots, i, dflt) < 0) // expect: refcount-steal-borrowed
        return -1;
    return 0;
}

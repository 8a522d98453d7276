/* util.c — a helper whose summary (returns a borrowed reference) other files need. */
#include "util.h"

rc_object *first_item(rc_object *list)
{
    return rc_list_get(list, 0);
}

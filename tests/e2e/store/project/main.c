/* main.c — releases what first_item returns: wrong, since util.c lends it. */
#include "util.h"

void drop_first(rc_object *list)
{
    rc_object *x = first_item(list);
    if (x == NULL)
        return;
    rc_decref(x);
}

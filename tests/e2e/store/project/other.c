/* other.c — independent of util.h: a plain leak on an error path. */
#include <rc/rc.h>

int fill(rc_object *list)
{
    rc_object *n = rc_int_new(1);
    if (n == NULL)
        return -1;
    if (rc_list_append(list, n) < 0)
        return -1;
    rc_decref(n);
    return 0;
}

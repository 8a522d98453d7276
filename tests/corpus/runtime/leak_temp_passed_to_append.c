/*
 * A temporary passed to a call that does not steal it.
 *
 * rc_list_append takes its own reference to the item, so the new reference
 * returned by rc_int_new, passed directly, is never released: the leak
 * stands on the call's line, whether the append succeeds or not (if
 * rc_int_new fails, rc_list_append just fails on the NULL). main() pushes
 * the defaults into a list and releases it; the int remains alive.
 */
#include <rc/rc.h>

static int push_default(rc_object *list)
{
    if (rc_list_append(list, rc_int_new(0)) < 0) // expect: refcount-leak
        return -1;
    return 0;
}

int main(void)
{
    rc_object *list = rc_list_new(1);

    if (list == NULL)
        return 0;
    if (push_default(list) < 0)
        rc_error_clear();
    rc_decref(list);
    return 0;
}

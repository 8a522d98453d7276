/*
 * A borrowed dict value used after its entry was deleted.
 *
 * pop_key() borrows d[key], deletes the entry (releasing key and value),
 * then reads the value: the dangling use stands at rc_int_value(v). The
 * fix is to take a reference before rc_dict_del.
 */
#include <rc/rc.h>

int pop_key(rc_object *d, rc_object *key, long *out)
{
    rc_object *v = rc_dict_get(d, key);

    if (v == NULL)
        return -1;
    if (rc_dict_del(d, key) < 0)
        return -1;
    *out = rc_int_value(v); // expect: refcount-dangling-borrowed
    return 0;
}

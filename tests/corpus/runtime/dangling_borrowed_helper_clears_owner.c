/*
 * A borrowed item used after a local helper emptied its list.
 *
 * reset_log() is defined here and clears the list (releasing every item);
 * its summary must say that it mutates its argument. last_then_reset()
 * borrows the last entry, calls reset_log(), then reads the entry: the
 * dangling use stands at rc_int_value(e).
 */
#include <rc/rc.h>

void reset_log(rc_object *log)
{
    if (rc_list_clear(log) < 0)
        rc_error_clear();
}

long last_then_reset(rc_object *log)
{
    rc_object *e;
    size_t n = rc_list_size(log);

    if (n == 0)
        return -1;
    e = rc_list_get(log, n - 1);
    if (e == NULL)
        return -1;
    reset_log(log);
    return rc_int_value(e); // expect: refcount-dangling-borrowed
}

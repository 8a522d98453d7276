/*
 * A void function that falls off its end still owning a reference.
 *
 * note_size() makes an int to record the list's size in a log list and
 * never releases it. There is no return statement on that path, so the
 * leak stands at the function's closing brace. main() runs it once.
 */
#include <rc/rc.h>

static void note_size(rc_object *log, rc_object *list)
{
    rc_object *n = rc_int_new((long)rc_list_size(list));

    if (n == NULL)
        return;
    if (rc_list_append(log, n) < 0)
        rc_error_clear();
} // expect: refcount-leak

int main(void)
{
    rc_object *log = rc_list_new(1);

    if (log == NULL)
        return 0;
    note_size(log, log);
    rc_decref(log);
    return 0;
}

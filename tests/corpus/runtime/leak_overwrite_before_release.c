/*
 * A variable reused for a second object before the first is released.
 *
 * greet() appends "hello" (the list takes its own reference) but does not
 * release msg before assigning the next string to it: the first str's last
 * owned reference is lost by the assignment on the overwrite line. The
 * second str is released normally. main() runs it once.
 */
#include <rc/rc.h>

static void greet(rc_object *out)
{
    rc_object *msg = rc_str_new("hello");

    if (msg == NULL)
        return;
    if (rc_list_append(out, msg) < 0) {
        rc_decref(msg);
        return;
    }
    msg = rc_str_new("world"); // expect: refcount-leak
    if (msg == NULL)
        return;
    if (rc_list_append(out, msg) < 0)
        rc_error_clear();
    rc_decref(msg);
}

int main(void)
{
    rc_object *out = rc_list_new(2);

    if (out == NULL)
        return 0;
    greet(out);
    rc_decref(out);
    return 0;
}

/*
 * A release inside one branch only, in a void function.
 *
 * record() releases entry only when code is non-zero; for code 0 control
 * falls off the end still owning it, so the leak stands at the closing
 * brace. main() records code 0.
 */
#include <rc/rc.h>

static void record(rc_object *log, long code)
{
    rc_object *entry = rc_int_new(code);

    if (entry == NULL)
        return;
    if (code != 0) {
        if (rc_list_append(log, entry) < 0)
            rc_error_clear();
        rc_decref(entry);
    }
} // expect: refcount-leak

int main(void)
{
    rc_object *log = rc_list_new(1);

    if (log == NULL)
        return 0;
    record(log, 0);
    rc_decref(log);
    return 0;
}

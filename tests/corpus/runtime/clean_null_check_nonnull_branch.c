/*
 * Clean: work done inside `if (p)`, released in the same branch.
 *
 * maybe_log() only acts when the constructor succeeded; the release sits
 * in the branch where p is known to be non-NULL, and nothing is owned on
 * the other path. main() logs once.
 */
#include <rc/rc.h>

static void maybe_log(rc_object *log, long code)
{
    rc_object *p = rc_int_new(code);

    if (p) {
        if (rc_list_append(log, p) < 0)
            rc_error_clear();
        rc_decref(p);
    }
}

int main(void)
{
    rc_object *log = rc_list_new(1);

    if (log) {
        maybe_log(log, 3);
        rc_decref(log);
    }
    return 0;
}

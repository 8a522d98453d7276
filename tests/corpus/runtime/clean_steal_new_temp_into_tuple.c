/*
 * Clean: a constructor's result passed straight to rc_tuple_set.
 *
 * rc_tuple_set steals its item, so the temporary is owned by the tuple,
 * not leaked; if rc_int_new fails, rc_tuple_set receives NULL and fails
 * without crashing (the runtime's contract), and the failure is handled.
 * main() makes one pair.
 */
#include <rc/rc.h>

static rc_object *int_pair(long a, long b)
{
    rc_object *t = rc_tuple_new(2);

    if (t == NULL)
        return NULL;
    if (rc_tuple_set(t, 0, rc_int_new(a)) < 0 || // no-warning
        rc_tuple_set(t, 1, rc_int_new(b)) < 0) {
        rc_decref(t);
        return NULL;
    }
    return t;
}

int main(void)
{
    rc_object *t = int_pair(1, 2);

    rc_xdecref(t);
    return 0;
}

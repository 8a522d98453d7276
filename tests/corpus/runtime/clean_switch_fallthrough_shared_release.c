/*
 * Clean: switch cases that fall through to a shared release.
 *
 * dispatch() owns op_obj; cases 0 and 1 do their work and fall through to
 * case 2, whose release is the only one on each path; the default case
 * releases and returns. main() dispatches every op.
 */
#include <rc/rc.h>

static int dispatch(rc_object *log, int op)
{
    rc_object *op_obj = rc_int_new(op);
    int rc = 0;

    if (op_obj == NULL)
        return -1;
    switch (op) {
    case 0:
        rc = rc_list_append(log, op_obj);
        /* fall through */
    case 1:
        if (rc == 0)
            rc = rc_list_append(log, op_obj);
        /* fall through */
    case 2:
        rc_decref(op_obj); // no-warning
        break;
    default:
        rc_decref(op_obj);
        return -1;
    }
    return rc;
}

int main(void)
{
    rc_object *log = rc_list_new(4);
    int op;

    if (log == NULL)
        return 0;
    for (op = 0; op < 4; op++)
        if (dispatch(log, op) < 0)
            rc_error_clear();
    rc_decref(log);
    return 0;
}

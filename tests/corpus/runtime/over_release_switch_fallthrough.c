/*
 * A switch case that falls through into another case's release.
 *
 * handle() releases v in every case; case 0 was given an append and a
 * release and then falls through into case 1, which releases it again: the
 * over-release stands at case 1's rc_decref (reached from case 0). main()
 * handles op 0 and releases the list that still points at the freed int.
 */
#include <rc/rc.h>

static int handle(rc_object *out, int op)
{
    rc_object *v = rc_int_new(op);

    if (v == NULL)
        return -1;
    switch (op) {
    case 0:
        if (rc_list_append(out, v) < 0)
            rc_error_clear();
        rc_decref(v);
        /* fall through */
    case 1:
        rc_decref(v); // expect: refcount-over-release
        break;
    default:
        rc_decref(v);
        break;
    }
    return 0;
}

int main(void)
{
    rc_object *out = rc_list_new(1);

    if (out == NULL)
        return 0;
    (void)handle(out, 0);
    rc_decref(out);
    return 0;
}

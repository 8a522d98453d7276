/*
 * The success path releases its references and then falls into the
 * cleanup label, which releases them again.
 *
 * emit_pair() decrefs pa and pb after appending them and then runs into
 * `done:`, whose rc_xdecref calls release them a second time (they were
 * never reset to NULL): one over-release at each rc_xdecref. On the error
 * paths the cleanup is the only release and is correct. main() emits a
 * pair and releases the list, which aborts.
 */
#include <rc/rc.h>

static int emit_pair(rc_object *out, long a, long b)
{
    rc_object *pa = NULL, *pb = NULL;
    int rc = -1;

    pa = rc_int_new(a);
    if (pa == NULL)
        goto done;
    pb = rc_int_new(b);
    if (pb == NULL)
        goto done;
    if (rc_list_append(out, pa) < 0 || rc_list_append(out, pb) < 0)
        goto done;
    rc_decref(pa);
    rc_decref(pb);
    rc = 0;
done:
    rc_xdecref(pa); // expect: refcount-over-release
    rc_xdecref(pb); // expect: refcount-over-release
    return rc;
}

int main(void)
{
    rc_object *out = rc_list_new(2);

    if (out == NULL)
        return 0;
    (void)emit_pair(out, 1, 2);
    rc_decref(out);
    return 0;
}

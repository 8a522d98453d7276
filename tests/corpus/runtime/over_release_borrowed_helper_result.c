/*
 * The result of a local helper that returns a borrowed reference,
 * released by its caller.
 *
 * last_item() returns rc_list_get's borrowed result (its summary must be
 * inferred: borrowed). last_value() releases it: the over-release stands
 * there. main() builds [4], asks, and releases the list, which aborts.
 */
#include <rc/rc.h>

static rc_object *last_item(rc_object *list)
{
    size_t n = rc_list_size(list);

    if (n == 0)
        return NULL;
    return rc_list_get(list, n - 1);
}

static long last_value(rc_object *list)
{
    rc_object *it = last_item(list);
    long v;

    if (it == NULL)
        return -1;
    v = rc_int_value(it);
    rc_decref(it); // expect: refcount-over-release
    return v;
}

int main(void)
{
    rc_object *list = rc_list_new(1);
    rc_object *four = rc_int_new(4);

    if (list != NULL && four != NULL && rc_list_append(list, four) == 0) {
        RC_CLEAR(four);
        (void)last_value(list);
    }
    rc_xdecref(four);
    rc_xdecref(list);
    return 0;
}

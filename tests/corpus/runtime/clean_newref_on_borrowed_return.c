/*
 * Clean: a function annotated RC_RETURNS_NEW that returns rc_newref of a
 * checked borrowed item.
 *
 * list_first() gives its caller a reference of its own; the caller
 * releases it. main() asks for the first item of [3] and of [].
 */
#include <rc/rc.h>

static RC_RETURNS_NEW RC_MAY_FAIL rc_object *list_first(rc_object *list);

static rc_object *list_first(rc_object *list)
{
    rc_object *it = rc_list_get(list, 0);

    if (it == NULL)
        return NULL;
    return rc_newref(it); // no-warning
}

int main(void)
{
    rc_object *list = rc_list_new(1);
    rc_object *empty = rc_list_new(0);
    rc_object *v = rc_int_new(3);
    rc_object *first;

    if (list != NULL && v != NULL && rc_list_append(list, v) == 0) {
        first = list_first(list);
        rc_xdecref(first);
    }
    if (empty != NULL) {
        first = list_first(empty);
        if (first == NULL)
            rc_error_clear();
        rc_xdecref(first);
    }
    rc_xdecref(v);
    rc_xdecref(empty);
    rc_xdecref(list);
    return 0;
}

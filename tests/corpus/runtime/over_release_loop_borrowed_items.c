/*
 * A "release everything" loop over a list's borrowed items.
 *
 * drop_items() releases every item rc_list_get lends it, while the list
 * still holds them: the over-release stands at the rc_decref in the loop.
 * main() builds a one-item list, calls it and releases the list: abort.
 */
#include <rc/rc.h>

static void drop_items(rc_object *list)
{
    size_t i, n = rc_list_size(list);

    for (i = 0; i < n; i++) {
        rc_object *it = rc_list_get(list, i);

        if (it != NULL)
            rc_decref(it); // expect: refcount-over-release
    }
}

int main(void)
{
    rc_object *list = rc_list_new(1);
    rc_object *s = rc_str_new("s");

    if (list != NULL && s != NULL && rc_list_append(list, s) == 0) {
        RC_CLEAR(s);
        drop_items(list);
    }
    rc_xdecref(s);
    rc_xdecref(list);
    return 0;
}

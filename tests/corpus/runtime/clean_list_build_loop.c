/*
 * Clean: the standard loop that builds a list of new ints.
 *
 * Each item is released right after rc_list_append (which took its own
 * reference), on success and on failure; the list is released on the
 * failure path and returned on success. main() builds and releases one.
 */
#include <rc/rc.h>

static rc_object *range_list(size_t n)
{
    rc_object *list = rc_list_new(n);
    size_t i;

    if (list == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        rc_object *v = rc_int_new((long)i);

        if (v == NULL)
            goto fail;
        if (rc_list_append(list, v) < 0) {
            rc_decref(v);
            goto fail;
        }
        rc_decref(v); // no-warning
    }
    return list;
fail:
    rc_decref(list);
    return NULL;
}

int main(void)
{
    rc_object *list = range_list(5);

    if (list == NULL)
        return 0;
    rc_decref(list);
    return 0;
}

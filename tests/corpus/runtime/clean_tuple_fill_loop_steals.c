/*
 * Clean: a tuple filled in a loop with rc_tuple_set, which steals.
 *
 * Each new int is handed to the tuple, on success and on failure (the
 * steal happens even when rc_tuple_set fails), so no release follows
 * either branch. main() fills and releases a tuple.
 */
#include <rc/rc.h>

static rc_object *tens(size_t n)
{
    rc_object *t = rc_tuple_new(n);
    size_t i;

    if (t == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        rc_object *v = rc_int_new((long)i * 10);

        if (v == NULL)
            goto fail;
        if (rc_tuple_set(t, i, v) < 0) // no-warning
            goto fail;
    }
    return t;
fail:
    rc_decref(t);
    return NULL;
}

int main(void)
{
    rc_object *t = tens(4);

    if (t != NULL)
        rc_decref(t);
    return 0;
}

/*
 * Clean: a dict built from a list of (key, value) tuples.
 *
 * to_dict() borrows each tuple and its two items and passes them to
 * rc_dict_set, which takes its own references; nothing borrowed is used
 * after the call. main() converts a one-pair list.
 */
#include <rc/rc.h>

static rc_object *to_dict(rc_object *pairs)
{
    rc_object *d = rc_dict_new();
    size_t i, n = rc_list_size(pairs);

    if (d == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        rc_object *pair = rc_list_get(pairs, i);
        rc_object *k, *v;

        if (pair == NULL)
            goto fail;
        k = rc_tuple_get(pair, 0);
        v = rc_tuple_get(pair, 1);
        if (k == NULL || v == NULL)
            goto fail;
        if (rc_dict_set(d, k, v) < 0)
            goto fail;
    }
    return d;
fail:
    rc_decref(d);
    return NULL;
}

int main(void)
{
    rc_object *pairs = rc_list_new(1);
    rc_object *k = rc_str_new("k");
    rc_object *v = rc_int_new(1);
    rc_object *pair = NULL, *d = NULL;

    if (pairs != NULL && k != NULL && v != NULL)
        pair = rc_tuple_pack(2, k, v);
    if (pair != NULL && rc_list_append(pairs, pair) == 0)
        d = to_dict(pairs);
    rc_xdecref(d);
    rc_xdecref(pair);
    rc_xdecref(k);
    rc_xdecref(v);
    rc_xdecref(pairs);
    return 0;
}

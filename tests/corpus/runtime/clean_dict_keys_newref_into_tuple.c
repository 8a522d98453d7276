/*
 * Clean: borrowed keys from rc_dict_next stored into a tuple with
 * rc_newref, so the tuple owns a reference of its own to each.
 *
 * keys_tuple() releases the tuple on failure; the keys are never released
 * by it. main() collects the keys of a two-entry dict.
 */
#include <rc/rc.h>

static rc_object *keys_tuple(rc_object *d)
{
    size_t pos = 0, i = 0;
    rc_object *k;
    rc_object *t = rc_tuple_new(rc_dict_size(d));

    if (t == NULL)
        return NULL;
    while (rc_dict_next(d, &pos, &k, NULL)) {
        if (rc_tuple_set(t, i++, rc_newref(k)) < 0) { // no-warning
            rc_decref(t);
            return NULL;
        }
    }
    return t;
}

int main(void)
{
    rc_object *d = rc_dict_new();
    rc_object *v = rc_int_new(0);
    rc_object *keys = NULL;

    if (d != NULL && v != NULL && rc_dict_set_str(d, "a", v) == 0 &&
        rc_dict_set_str(d, "b", v) == 0)
        keys = keys_tuple(d);
    rc_xdecref(keys);
    rc_xdecref(v);
    rc_xdecref(d);
    return 0;
}

/*
 * Clean: int-returning calls checked with `if (f(...) < 0)`.
 *
 * fill_dict() stores two values; after each rc_dict_set_str it releases
 * its own reference whether the store failed or not, and the failure
 * branch releases the dict. main() fills one dict, and passes a list to a
 * second call so the first store fails.
 */
#include <rc/rc.h>

static int put_int(rc_object *d, const char *key, long v)
{
    rc_object *o = rc_int_new(v);
    int rc;

    if (o == NULL)
        return -1;
    rc = rc_dict_set_str(d, key, o);
    rc_decref(o);
    return rc;
}

static rc_object *fill_dict(int broken)
{
    rc_object *d = broken ? rc_list_new(0) : rc_dict_new();

    if (d == NULL)
        return NULL;
    if (put_int(d, "a", 1) < 0)
        goto fail;
    if (put_int(d, "b", 2) < 0)
        goto fail;
    return d;
fail:
    rc_decref(d);
    return NULL;
}

int main(void)
{
    rc_object *d = fill_dict(0);

    if (d != NULL)
        rc_decref(d);
    d = fill_dict(1);
    if (d == NULL)
        rc_error_clear();
    else
        rc_decref(d);
    return 0;
}

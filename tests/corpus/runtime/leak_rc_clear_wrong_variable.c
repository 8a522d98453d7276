/*
 * A copy-pasted RC_CLEAR that clears the same variable twice.
 *
 * build_columns() clears `keys` twice at the end (the second is harmless:
 * RC_CLEAR set it to NULL) and never clears `vals`, so its reference is
 * lost at `return res`. rc_tuple_pack took its own references, so the
 * tuple does not excuse it. main() builds and releases one result.
 */
#include <rc/rc.h>

static rc_object *build_columns(void)
{
    rc_object *keys = NULL, *vals = NULL, *res = NULL;

    keys = rc_list_new(0);
    if (keys == NULL)
        goto done;
    vals = rc_list_new(0);
    if (vals == NULL)
        goto done;
    res = rc_tuple_pack(2, keys, vals);
done:
    RC_CLEAR(keys);
    RC_CLEAR(keys);
    return res; // expect: refcount-leak
}

int main(void)
{
    rc_object *cols = build_columns();

    rc_xdecref(cols);
    return 0;
}

/*
 * Clean: three acquisitions, three fall-through labels, and a result that
 * may be NULL.
 *
 * make_triple() packs three ints. Success falls through every label, so
 * each int is released once whatever happened; t is NULL unless
 * rc_tuple_pack succeeded, and the pack took its own references. main()
 * builds one triple and releases it.
 */
#include <rc/rc.h>

static rc_object *make_triple(long a, long b, long c)
{
    rc_object *x, *y, *z, *t = NULL;

    x = rc_int_new(a);
    if (x == NULL)
        goto err;
    y = rc_int_new(b);
    if (y == NULL)
        goto err_x;
    z = rc_int_new(c);
    if (z == NULL)
        goto err_y;
    t = rc_tuple_pack(3, x, y, z);
    rc_decref(z);
err_y:
    rc_decref(y);
err_x:
    rc_decref(x);
err:
    return t;
}

int main(void)
{
    rc_object *t = make_triple(1, 2, 3);

    if (t == NULL)
        return 0;
    rc_decref(t);
    return 0;
}

/*
 * An RC_OUT_NEW out-parameter whose reference the caller never releases.
 *
 * load_point() is annotated RC_OUT_NEW(1): on success *out holds a new
 * reference. point_x() reads the first coordinate and returns it without
 * releasing the tuple: the leak stands at that return. main() asks once.
 */
#include <rc/rc.h>

static RC_OUT_NEW(1) RC_MAY_FAIL int load_point(rc_object **out, long x, long y);

static int load_point(rc_object **out, long x, long y)
{
    rc_object *vx, *vy;

    *out = NULL;
    vx = rc_int_new(x);
    if (vx == NULL)
        return -1;
    vy = rc_int_new(y);
    if (vy == NULL) {
        rc_decref(vx);
        return -1;
    }
    *out = rc_tuple_pack(2, vx, vy);
    rc_decref(vx);
    rc_decref(vy);
    return *out != NULL ? 0 : -1;
}

static long point_x(long x, long y)
{
    rc_object *pt;
    rc_object *vx;

    if (load_point(&pt, x, y) < 0)
        return -1;
    vx = rc_tuple_get(pt, 0);
    if (vx == NULL) {
        rc_decref(pt);
        return -1;
    }
    return rc_int_value(vx); // expect: refcount-leak
}

int main(void)
{
    (void)point_x(3, 4);
    return 0;
}

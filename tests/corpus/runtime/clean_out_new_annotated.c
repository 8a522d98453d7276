/*
 * Clean: an RC_OUT_NEW out-parameter released by the caller on success
 * and not touched on failure.
 *
 * load_point() gives a new tuple through *out; point_x() releases it after
 * its last use of the borrowed item. main() calls it once.
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
    rc_object *pt, *vx;
    long r = -1;

    if (load_point(&pt, x, y) < 0)
        return -1;
    vx = rc_tuple_get(pt, 0);
    if (vx != NULL)
        r = rc_int_value(vx);
    rc_decref(pt);
    return r;
}

int main(void)
{
    (void)point_x(3, 4);
    return 0;
}

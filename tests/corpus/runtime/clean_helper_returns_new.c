/*
 * Clean: a local helper that returns a new reference, released by its
 * caller.
 *
 * make_point() returns rc_tuple_pack's new tuple or NULL (its summary must
 * be inferred: new, may fail). norm1() checks and releases it. main() runs
 * norm1 once.
 */
#include <rc/rc.h>

static rc_object *make_point(long x, long y)
{
    rc_object *vx = rc_int_new(x), *vy, *t;

    if (vx == NULL)
        return NULL;
    vy = rc_int_new(y);
    if (vy == NULL) {
        rc_decref(vx);
        return NULL;
    }
    t = rc_tuple_pack(2, vx, vy);
    rc_decref(vx);
    rc_decref(vy);
    return t;
}

static long norm1(long x, long y)
{
    rc_object *p = make_point(x, y);
    rc_object *a, *b;
    long n = -1;

    if (p == NULL)
        return -1;
    a = rc_tuple_get(p, 0);
    b = rc_tuple_get(p, 1);
    if (a != NULL && b != NULL)
        n = rc_int_value(a) + rc_int_value(b);
    rc_decref(p);
    return n;
}

int main(void)
{
    (void)norm1(3, 4);
    return 0;
}

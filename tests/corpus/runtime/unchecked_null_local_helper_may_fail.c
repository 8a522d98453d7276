/*
 * The result of a local constructor that returns NULL for bad input,
 * dereferenced without a check.
 *
 * point_new() returns NULL for negative coordinates (and on allocation
 * failure); its summary must be inferred as "may fail". point_norm1()
 * reads p->x at once: the finding stands at that dereference.
 */
#include <rc/rc.h>

typedef struct point {
    RC_OBJECT_HEAD;
    long x, y;
} point;

static const rc_type point_type = { "point", sizeof(point), NULL, NULL, NULL, NULL, 0 };

point *point_new(long x, long y)
{
    point *p;

    if (x < 0 || y < 0)
        return NULL;
    p = RC_NEW(point, &point_type);
    if (p == NULL)
        return NULL;
    p->x = x;
    p->y = y;
    return p;
}

long point_norm1(long x, long y)
{
    point *p = point_new(x, y);
    long n = p->x + p->y; // expect: refcount-unchecked-null

    rc_decref(p);
    return n;
}

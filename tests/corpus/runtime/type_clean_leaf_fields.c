/* An untracked type whose fields only point to a leaf type that owns
 * nothing: no cycle can go through it, so it needs no traverse. */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    double v;
} num;

typedef struct point {
    RC_OBJECT_HEAD;
    num *x;
    num *y;
} point;

static void point_dealloc(rc_object *self)
{
    point *p = (point *)self;
    RC_CLEAR(p->x);
    RC_CLEAR(p->y);
}

static const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
static const rc_type point_type = { "point", sizeof(point), point_dealloc, NULL, NULL, NULL, 0 };

int main(void)
{
    point *p = RC_NEW(point, &point_type);
    if (p == NULL)
        return 1;
    p->x = RC_NEW(num, &num_type);
    p->y = RC_NEW(num, &num_type);
    rc_decref(p);
    return 0;
}

/* Two type tables share one struct and one dealloc: the missing release
 * is reported once. */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct shape {
    RC_OBJECT_HEAD;
    num *width;
    num *height; // expect: refcount-dealloc-incomplete
} shape;

static void shape_dealloc(rc_object *self)
{
    RC_CLEAR(((shape *)self)->width);
}

const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
const rc_type rect_type = { "rect", sizeof(shape), shape_dealloc, NULL, NULL, NULL, 0 };
const rc_type square_type = { "square", sizeof(shape), shape_dealloc, NULL, NULL, NULL, 0 };

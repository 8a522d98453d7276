/* A copy-paste slip: the first field is cleared twice, the second never. */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct range2 {
    RC_OBJECT_HEAD;
    num *lo;
    num *hi; // expect: refcount-dealloc-incomplete
} range2;

static void range2_dealloc(rc_object *self)
{
    range2 *r = (range2 *)self;
    RC_CLEAR(r->lo);
    RC_CLEAR(r->lo);
}

static const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
static const rc_type range2_type = { "range2", sizeof(range2), range2_dealloc, NULL, NULL, NULL, 0 };

int main(void)
{
    range2 *r = RC_NEW(range2, &range2_type);
    if (r == NULL)
        return 1;
    r->lo = RC_NEW(num, &num_type);
    r->hi = RC_NEW(num, &num_type);
    rc_decref(r);
    return 0;
}

/* dealloc frees the buffer but never releases the items in it. */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct vec {
    RC_OBJECT_HEAD;
    size_t n;
    num **items; // expect: refcount-dealloc-incomplete
} vec;

static void vec_dealloc(rc_object *self)
{
    vec *v = (vec *)self;
    rc_mem_free(v->items);
    v->items = NULL;
}

const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
const rc_type vec_type = { "vec", sizeof(vec), vec_dealloc, NULL, NULL, NULL, 0 };

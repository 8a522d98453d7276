/* clear empties the buffer through a helper that resets the object first
 * and releases afterwards (the clear-before-decref idiom). */
#include <rc/rc.h>

typedef struct bucket {
    RC_OBJECT_HEAD;
    size_t n;
    rc_object **items;
    rc_object *owner;
} bucket;

static void bucket_drop(bucket *b)
{
    rc_object **items = b->items;
    size_t n = b->n;
    rc_object *owner = b->owner;
    b->items = NULL;
    b->n = 0;
    b->owner = NULL;
    for (size_t i = 0; i < n; i++)
        rc_decref(items[i]);
    rc_mem_free(items);
    rc_xdecref(owner);
}

static int bucket_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    bucket *b = (bucket *)self;
    for (size_t i = 0; i < b->n; i++)
        RC_VISIT(b->items[i]);
    RC_VISIT(b->owner);
    return 0;
}

static void bucket_clear(rc_object *self)
{
    bucket_drop((bucket *)self);
}

const rc_type bucket_type = { "bucket", sizeof(bucket), bucket_clear, NULL, bucket_traverse, bucket_clear, 0 };

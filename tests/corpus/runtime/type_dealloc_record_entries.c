/* A table of key/value entries: dealloc releases the keys and forgets the
 * values (the finding stands at the entry's field). */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct kv {
    num *key;
    num *val; // expect: refcount-dealloc-incomplete
} kv;

typedef struct assoc {
    RC_OBJECT_HEAD;
    size_t used;
    kv *entries;
} assoc;

static void assoc_dealloc(rc_object *self)
{
    assoc *a = (assoc *)self;
    kv *e = a->entries;
    for (size_t i = 0; i < a->used; i++)
        rc_decref(e[i].key);
    rc_mem_free(e);
}

const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
const rc_type assoc_type = { "assoc", sizeof(assoc), assoc_dealloc, NULL, NULL, NULL, 0 };

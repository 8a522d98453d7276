/* The cache is only released when a flag is set; otherwise it leaks. */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct memo {
    RC_OBJECT_HEAD;
    unsigned flags;
    num *cache; // expect: refcount-dealloc-incomplete
} memo;

static void memo_dealloc(rc_object *self)
{
    memo *m = (memo *)self;
    if (m->flags & 1u)
        rc_xdecref(m->cache);
}

const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
const rc_type memo_type = { "memo", sizeof(memo), memo_dealloc, NULL, NULL, NULL, 0 };

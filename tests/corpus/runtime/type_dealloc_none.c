/* A type that owns a reference but has no dealloc at all. */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct wrapper {
    RC_OBJECT_HEAD;
    num *inner; // expect: refcount-dealloc-incomplete
} wrapper;

static const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
static const rc_type wrapper_type = { "wrapper", sizeof(wrapper), NULL, NULL, NULL, NULL, 0 };

int main(void)
{
    wrapper *w = RC_NEW(wrapper, &wrapper_type);
    if (w == NULL)
        return 1;
    w->inner = RC_NEW(num, &num_type);
    rc_decref(w);
    return 0;
}

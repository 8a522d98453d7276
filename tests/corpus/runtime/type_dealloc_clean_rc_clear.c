/* Every owned field released with RC_CLEAR. */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct pair2 {
    RC_OBJECT_HEAD;
    num *a;
    num *b;
} pair2;

static void pair2_dealloc(rc_object *self)
{
    pair2 *p = (pair2 *)self;
    RC_CLEAR(p->a);
    RC_CLEAR(p->b);
}

static const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
static const rc_type pair2_type = { "pair2", sizeof(pair2), pair2_dealloc, NULL, NULL, NULL, 0 };

int main(void)
{
    pair2 *p = RC_NEW(pair2, &pair2_type);
    if (p == NULL)
        return 1;
    p->a = RC_NEW(num, &num_type);
    p->b = RC_NEW(num, &num_type);
    rc_decref(p);
    return 0;
}

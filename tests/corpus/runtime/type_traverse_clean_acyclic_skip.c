/* The label points to a leaf type that owns nothing: no cycle can run
 * through it, so traverse and clear may leave it to dealloc. */
#include <rc/rc.h>

typedef struct leafnum {
    RC_OBJECT_HEAD;
    long v;
} leafnum;

typedef struct kont {
    RC_OBJECT_HEAD;
    rc_object *next;
    leafnum *label;
} kont;

static int kont_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((kont *)self)->next);
    return 0;
}

static void kont_clear(rc_object *self)
{
    RC_CLEAR(((kont *)self)->next);
}

static void kont_dealloc(rc_object *self)
{
    kont_clear(self);
    RC_CLEAR(((kont *)self)->label);
}

static const rc_type leafnum_type = { "leafnum", sizeof(leafnum), NULL, NULL, NULL, NULL, 0 };
static const rc_type kont_type = { "kont", sizeof(kont), kont_dealloc, NULL, kont_traverse, kont_clear, 0 };

int main(void)
{
    kont *k = RC_NEW(kont, &kont_type);
    if (k == NULL)
        return 1;
    k->label = RC_NEW(leafnum, &leafnum_type);
    k->next = rc_newref(k);
    rc_decref(k);
    return 0;
}

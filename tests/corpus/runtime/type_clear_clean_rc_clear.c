/* clear drops every reference with RC_CLEAR; dealloc reuses it. */
#include <rc/rc.h>

typedef struct assoc2 {
    RC_OBJECT_HEAD;
    rc_object *k;
    rc_object *v;
} assoc2;

static int assoc2_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    assoc2 *a = (assoc2 *)self;
    RC_VISIT(a->k);
    RC_VISIT(a->v);
    return 0;
}

static void assoc2_clear(rc_object *self)
{
    assoc2 *a = (assoc2 *)self;
    RC_CLEAR(a->k);
    RC_CLEAR(a->v);
}

static const rc_type assoc2_type = { "assoc2", sizeof(assoc2), assoc2_clear, NULL, assoc2_traverse, assoc2_clear, 0 };

int main(void)
{
    assoc2 *a = RC_NEW(assoc2, &assoc2_type);
    if (a == NULL)
        return 1;
    a->k = rc_str_new("key");
    a->v = rc_newref(a);
    rc_decref(a);
    return 0;
}

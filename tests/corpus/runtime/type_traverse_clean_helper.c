/* traverse passes its visitor to a helper of this file, which visits both
 * fields and returns the visitor's result. */
#include <rc/rc.h>

typedef struct twin {
    RC_OBJECT_HEAD;
    rc_object *one;
    rc_object *two;
} twin;

static int twin_visit_fields(twin *t, rc_visitproc visit, void *arg)
{
    RC_VISIT(t->one);
    RC_VISIT(t->two);
    return 0;
}

static int twin_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    return twin_visit_fields((twin *)self, visit, arg);
}

static void twin_clear(rc_object *self)
{
    twin *t = (twin *)self;
    RC_CLEAR(t->one);
    RC_CLEAR(t->two);
}

const rc_type twin_type = { "twin", sizeof(twin), twin_clear, NULL, twin_traverse, twin_clear, 0 };

/* A box of any object with a complete traverse and clear: a box that holds
 * itself is garbage the collector frees at exit. */
#include <rc/rc.h>

typedef struct gbox {
    RC_OBJECT_HEAD;
    rc_object *value;
} gbox;

static int gbox_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((gbox *)self)->value);
    return 0;
}

static void gbox_clear(rc_object *self)
{
    RC_CLEAR(((gbox *)self)->value);
}

static const rc_type gbox_type = { "gbox", sizeof(gbox), gbox_clear, NULL, gbox_traverse, gbox_clear, 0 };

int main(void)
{
    gbox *b = RC_NEW(gbox, &gbox_type);
    if (b == NULL)
        return 1;
    b->value = rc_newref(b);
    rc_decref(b);
    return 0;
}

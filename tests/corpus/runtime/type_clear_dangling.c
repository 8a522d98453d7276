/* clear releases the field but leaves it pointing at the released object:
 * dealloc would release it a second time. */
#include <rc/rc.h>

typedef struct slotbox {
    RC_OBJECT_HEAD;
    rc_object *content; // expect: cycle-clear-incomplete
} slotbox;

static int slotbox_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((slotbox *)self)->content);
    return 0;
}

static void slotbox_clear(rc_object *self)
{
    slotbox *s = (slotbox *)self;
    rc_xdecref(s->content);
}

static void slotbox_dealloc(rc_object *self)
{
    RC_CLEAR(((slotbox *)self)->content);
}

const rc_type slotbox_type = {
    "slotbox", sizeof(slotbox), slotbox_dealloc, NULL, slotbox_traverse, slotbox_clear, 0
};

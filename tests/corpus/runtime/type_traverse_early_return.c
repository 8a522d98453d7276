/* An early `return 0` (success) skips the second visit. */
#include <rc/rc.h>

typedef struct frame {
    RC_OBJECT_HEAD;
    int ready;
    rc_object *code;
    rc_object *locals; // expect: cycle-traverse-incomplete
} frame;

static int frame_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    frame *f = (frame *)self;
    RC_VISIT(f->code);
    if (!f->ready)
        return 0;
    RC_VISIT(f->locals);
    return 0;
}

static void frame_clear(rc_object *self)
{
    frame *f = (frame *)self;
    RC_CLEAR(f->code);
    RC_CLEAR(f->locals);
}

const rc_type frame_type = { "frame", sizeof(frame), frame_clear, NULL, frame_traverse, frame_clear, 0 };

/*
 * Clean: a getter on a user type annotated RC_RETURNS_BORROWED.
 *
 * box_value() returns the box's own reference; show() uses it while the
 * box is alive and does not release it. The box type is complete. main()
 * makes a box and shows it.
 */
#include <rc/rc.h>

typedef struct box {
    RC_OBJECT_HEAD;
    rc_object *value;
} box;

static void box_dealloc(rc_object *self)
{
    RC_CLEAR(((box *)self)->value);
}

static int box_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((box *)self)->value);
    return 0;
}

static void box_clear(rc_object *self)
{
    RC_CLEAR(((box *)self)->value);
}

static const rc_type box_type = {
    "box", sizeof(box), box_dealloc, NULL, box_traverse, box_clear, 0,
};

static RC_RETURNS_BORROWED rc_object *box_value(box *b);

static rc_object *box_value(box *b)
{
    return b->value;
}

static long show(box *b)
{
    rc_object *v = box_value(b);

    if (v == NULL)
        return -1;
    return rc_int_value(v); // no-warning
}

int main(void)
{
    box *b = RC_NEW(box, &box_type);

    if (b == NULL)
        return 0;
    b->value = rc_int_new(5);
    (void)show(b);
    rc_decref(b);
    return 0;
}

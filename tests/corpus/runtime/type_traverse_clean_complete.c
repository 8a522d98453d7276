/* Every reference that can take part in a cycle is visited. */
#include <rc/rc.h>

typedef struct cell {
    RC_OBJECT_HEAD;
    rc_object *car;
    rc_object *cdr;
} cell;

static int cell_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    cell *c = (cell *)self;
    RC_VISIT(c->car);
    RC_VISIT(c->cdr);
    return 0;
}

static void cell_clear(rc_object *self)
{
    cell *c = (cell *)self;
    RC_CLEAR(c->car);
    RC_CLEAR(c->cdr);
}

static const rc_type cell_type = { "cell", sizeof(cell), cell_clear, NULL, cell_traverse, cell_clear, 0 };

int main(void)
{
    cell *c = RC_NEW(cell, &cell_type);
    if (c == NULL)
        return 1;
    c->car = rc_int_new(1);
    c->cdr = rc_newref(c);
    rc_decref(c);
    return 0;
}

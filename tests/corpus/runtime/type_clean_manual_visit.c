/* traverse written without RC_VISIT: the visitor's result is passed on,
 * and the last visit is a tail call through a conditional. */
#include <rc/rc.h>

typedef struct duo {
    RC_OBJECT_HEAD;
    rc_object *a;
    rc_object *b;
} duo;

static int duo_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    duo *d = (duo *)self;
    if (d->a != NULL) {
        int r = visit(d->a, arg);
        if (r != 0)
            return r;
    }
    return d->b != NULL ? visit(d->b, arg) : 0;
}

static void duo_clear(rc_object *self)
{
    duo *d = (duo *)self;
    RC_CLEAR(d->a);
    RC_CLEAR(d->b);
}

const rc_type duo_type = { "duo", sizeof(duo), duo_clear, NULL, duo_traverse, duo_clear, 0 };

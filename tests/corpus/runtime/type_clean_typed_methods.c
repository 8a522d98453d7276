/* Functions that take the object struct itself, cast to the table's
 * function types, and a positional table: the object struct is found
 * from sizeof and the functions' parameters. */
#include <rc/rc.h>

typedef struct tm {
    RC_OBJECT_HEAD;
    rc_object *payload;
} tm;

static int tm_traverse(tm *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(self->payload);
    return 0;
}

static void tm_clear(tm *self)
{
    RC_CLEAR(self->payload);
}

const rc_type tm_type = {
    "tm", sizeof(tm), (rc_destructor)tm_clear, NULL, (rc_traverseproc)tm_traverse,
    (rc_destructor)tm_clear, 0
};

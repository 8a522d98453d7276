/* traverse visits the key but not the value: a cycle through the value is
 * never collected. */
#include <rc/rc.h>

typedef struct entry2 {
    RC_OBJECT_HEAD;
    rc_object *key;
    rc_object *value; // expect: cycle-traverse-incomplete
} entry2;

static int entry2_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    entry2 *e = (entry2 *)self;
    RC_VISIT(e->key);
    return 0;
}

static void entry2_clear(rc_object *self)
{
    entry2 *e = (entry2 *)self;
    RC_CLEAR(e->key);
    RC_CLEAR(e->value);
}

const rc_type entry2_type = { "entry2", sizeof(entry2), entry2_clear, NULL, entry2_traverse, entry2_clear, 0 };

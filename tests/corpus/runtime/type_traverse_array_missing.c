/* traverse visits the scalar field and forgets the array. */
#include <rc/rc.h>

typedef struct group {
    RC_OBJECT_HEAD;
    rc_object *name;
    size_t n;
    rc_object **members; // expect: cycle-traverse-incomplete
} group;

static int group_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((group *)self)->name);
    return 0;
}

static void group_clear(rc_object *self)
{
    group *g = (group *)self;
    RC_CLEAR(g->name);
    for (size_t i = 0; i < g->n; i++)
        RC_CLEAR(g->members[i]);
}

const rc_type group_type = { "group", sizeof(group), group_clear, NULL, group_traverse, group_clear, 0 };

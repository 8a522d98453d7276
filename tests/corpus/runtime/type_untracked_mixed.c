/* A tracked container type and an untracked element type that points back
 * at its container: only the untracked type is at fault. */
#include <rc/rc.h>

struct bag;

typedef struct item {
    RC_OBJECT_HEAD;
    struct bag *home; // expect: cycle-untracked-type
} item;

typedef struct bag {
    RC_OBJECT_HEAD;
    struct item *first;
} bag;

static void item_dealloc(rc_object *self)
{
    RC_CLEAR(((item *)self)->home);
}

static int bag_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((bag *)self)->first);
    return 0;
}

static void bag_clear(rc_object *self)
{
    RC_CLEAR(((bag *)self)->first);
}

const rc_type item_type = { "item", sizeof(item), item_dealloc, NULL, NULL, NULL, 0 };
const rc_type bag_type = { "bag", sizeof(bag), bag_clear, NULL, bag_traverse, bag_clear, 0 };

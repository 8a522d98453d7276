/* An untracked item and a tracked bag that own each other: the collector
 * sees the bag's edge but not the item's, so the pair is never freed. */
#include <rc/rc.h>

struct mbag;

typedef struct mitem {
    RC_OBJECT_HEAD;
    struct mbag *home; // expect: cycle-untracked-type
} mitem;

typedef struct mbag {
    RC_OBJECT_HEAD;
    mitem *content;
} mbag;

static void mitem_dealloc(rc_object *self)
{
    RC_CLEAR(((mitem *)self)->home);
}

static int mbag_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((mbag *)self)->content);
    return 0;
}

static void mbag_clear(rc_object *self)
{
    RC_CLEAR(((mbag *)self)->content);
}

static const rc_type mitem_type = { "mitem", sizeof(mitem), mitem_dealloc, NULL, NULL, NULL, 0 };
static const rc_type mbag_type = { "mbag", sizeof(mbag), mbag_clear, NULL, mbag_traverse, mbag_clear, 0 };

int main(void)
{
    mbag *b = RC_NEW(mbag, &mbag_type);
    if (b == NULL)
        return 1;
    mitem *i = RC_NEW(mitem, &mitem_type);
    if (i == NULL) {
        rc_decref(b);
        return 1;
    }
    b->content = i;
    i->home = (mbag *)rc_newref(b); // expect: cycle-created
    rc_decref(b);
    return 0;
}

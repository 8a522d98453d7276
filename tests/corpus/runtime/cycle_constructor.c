/* Objects made by a constructor of this file: the constructor allocates
 * only one type, so the objects' type (untracked) is known. */
#include <rc/rc.h>

typedef struct cnode {
    RC_OBJECT_HEAD;
    rc_object *link; // expect: cycle-untracked-type
} cnode;

static void cnode_dealloc(rc_object *self)
{
    RC_CLEAR(((cnode *)self)->link);
}

static const rc_type cnode_type = { "cnode", sizeof(cnode), cnode_dealloc, NULL, NULL, NULL, 0 };

static RC_RETURNS_NEW RC_MAY_FAIL rc_object *cnode_new(void)
{
    return rc_new(&cnode_type);
}

int main(void)
{
    rc_object *x = cnode_new();
    if (x == NULL)
        return 1;
    rc_object *y = cnode_new();
    if (y == NULL) {
        rc_decref(x);
        return 1;
    }
    ((cnode *)x)->link = y;
    ((cnode *)y)->link = rc_newref(x); // expect: cycle-created
    rc_decref(x);
    return 0;
}

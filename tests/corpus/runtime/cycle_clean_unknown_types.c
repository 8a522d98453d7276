/* Objects whose type table lives elsewhere: whether the collector tracks
 * them is unknown here, so linking them is not reported. */
#include <rc/rc.h>

typedef struct xnode {
    RC_OBJECT_HEAD;
    struct xnode *next;
} xnode;

extern const rc_type xnode_type;

void xnode_ring(void)
{
    xnode *a = RC_NEW(xnode, &xnode_type);
    if (a == NULL)
        return;
    xnode *b = RC_NEW(xnode, &xnode_type);
    if (b == NULL) {
        rc_decref(a);
        return;
    }
    a->next = b;
    b->next = a;
}

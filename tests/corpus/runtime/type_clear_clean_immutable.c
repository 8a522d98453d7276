/* An immutable pair type: tracked (it has traverse) but without clear,
 * which is allowed; some mutable object in every cycle has one. */
#include <rc/rc.h>

typedef struct ipair {
    RC_OBJECT_HEAD;
    rc_object *first;
    rc_object *second;
} ipair;

static int ipair_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    ipair *p = (ipair *)self;
    RC_VISIT(p->first);
    RC_VISIT(p->second);
    return 0;
}

static void ipair_dealloc(rc_object *self)
{
    ipair *p = (ipair *)self;
    RC_CLEAR(p->first);
    RC_CLEAR(p->second);
}

const rc_type ipair_type = { "ipair", sizeof(ipair), ipair_dealloc, NULL, ipair_traverse, NULL, 0 };

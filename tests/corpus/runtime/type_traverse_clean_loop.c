/* A ring of tracked nodes held in arrays: traverse loops over the array;
 * the collector frees the ring at exit. */
#include <rc/rc.h>

typedef struct hub {
    RC_OBJECT_HEAD;
    size_t n;
    rc_object *spokes[3];
} hub;

static int hub_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    hub *h = (hub *)self;
    for (size_t i = 0; i < h->n; i++)
        RC_VISIT(h->spokes[i]);
    return 0;
}

static void hub_clear(rc_object *self)
{
    hub *h = (hub *)self;
    for (size_t i = 0; i < h->n; i++)
        RC_CLEAR(h->spokes[i]);
}

static const rc_type hub_type = { "hub", sizeof(hub), hub_clear, NULL, hub_traverse, hub_clear, 0 };

int main(void)
{
    hub *a = RC_NEW(hub, &hub_type);
    if (a == NULL)
        return 1;
    hub *b = RC_NEW(hub, &hub_type);
    if (b == NULL) {
        rc_decref(a);
        return 1;
    }
    a->spokes[0] = rc_newref(b);
    a->n = 1;
    b->spokes[0] = rc_newref(a);
    b->n = 1;
    rc_decref(b);
    rc_decref(a);
    return 0;
}

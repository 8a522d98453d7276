/* A helper that makes two nodes own each other; their type is known from
 * the parameters' declarations. */
#include <rc/rc.h>

typedef struct peer {
    RC_OBJECT_HEAD;
    struct peer *other; // expect: cycle-untracked-type
} peer;

static void peer_dealloc(rc_object *self)
{
    RC_CLEAR(((peer *)self)->other);
}

const rc_type peer_type = { "peer", sizeof(peer), peer_dealloc, NULL, NULL, NULL, 0 };

void peer_pair(peer *a, peer *b)
{
    RC_XSETREF(a->other, (peer *)rc_newref(b));
    RC_XSETREF(b->other, (peer *)rc_newref(a)); // expect: cycle-created
}

/* Two types that own each other (an owner and its agent), neither tracked:
 * both are reported, each at the field that starts the cycle. */
#include <rc/rc.h>

struct agent;

typedef struct owner {
    RC_OBJECT_HEAD;
    struct agent *agent; // expect: cycle-untracked-type
} owner;

typedef struct agent {
    RC_OBJECT_HEAD;
    struct owner *boss; // expect: cycle-untracked-type
} agent;

static void owner_dealloc(rc_object *self)
{
    RC_CLEAR(((owner *)self)->agent);
}

static void agent_dealloc(rc_object *self)
{
    RC_CLEAR(((agent *)self)->boss);
}

const rc_type owner_type = { "owner", sizeof(owner), owner_dealloc, NULL, NULL, NULL, 0 };
const rc_type agent_type = { "agent", sizeof(agent), agent_dealloc, NULL, NULL, NULL, 0 };

/* The reference lives in a struct embedded by value in the object. */
#include <rc/rc.h>

struct pairv {
    rc_object *first; // expect: cycle-untracked-type
    rc_object *second;
};

typedef struct holder {
    RC_OBJECT_HEAD;
    struct pairv pair;
} holder;

static void holder_dealloc(rc_object *self)
{
    holder *h = (holder *)self;
    RC_CLEAR(h->pair.first);
    RC_CLEAR(h->pair.second);
}

const rc_type holder_type = { "holder", sizeof(holder), holder_dealloc, NULL, NULL, NULL, 0 };

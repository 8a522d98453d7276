/* Releases guarded by NULL checks, in both spellings. */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct opt2 {
    RC_OBJECT_HEAD;
    num *first;
    num *second;
} opt2;

static void opt2_dealloc(rc_object *self)
{
    opt2 *o = (opt2 *)self;
    if (o->first != NULL)
        rc_decref(o->first);
    if (!o->second)
        return;
    rc_decref(o->second);
}

const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
const rc_type opt2_type = { "opt2", sizeof(opt2), opt2_dealloc, NULL, NULL, NULL, 0 };

/* dealloc hands its buffer over to a stealing call (a recycling pool
 * keeps it) instead of releasing it. */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct job {
    RC_OBJECT_HEAD;
    num *buffer;
} job;

/* Takes over the reference to a spare buffer. */
RC_STEALS(1) void pool_put(rc_object *spare);

static void job_dealloc(rc_object *self)
{
    job *j = (job *)self;
    num *spare = j->buffer;
    j->buffer = NULL;
    if (spare != NULL)
        pool_put((rc_object *)spare);
}

const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
const rc_type job_type = { "job", sizeof(job), job_dealloc, NULL, NULL, NULL, 0 };

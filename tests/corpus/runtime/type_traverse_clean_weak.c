/* The observer field holds a weak reference object: owned (dealloc and
 * clear release it), but never part of a cycle, so traverse skips it. */
#include <rc/rc.h>

typedef struct subject {
    RC_OBJECT_HEAD;
    rc_object *state;
    rc_object *observer RC_WEAK_FIELD;
} subject;

static int subject_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((subject *)self)->state);
    return 0;
}

static void subject_clear(rc_object *self)
{
    subject *s = (subject *)self;
    RC_CLEAR(s->state);
    RC_CLEAR(s->observer);
}

static const rc_type subject_type = {
    "subject", sizeof(subject), subject_clear, NULL, subject_traverse, subject_clear, 0
};

int main(void)
{
    subject *s = RC_NEW(subject, &subject_type);
    if (s == NULL)
        return 1;
    rc_object *watcher = rc_list_new(0);
    if (watcher == NULL) {
        rc_decref(s);
        return 1;
    }
    s->observer = rc_weakref_new(watcher, NULL, NULL);
    s->state = rc_newref(s);
    rc_decref(watcher);
    rc_decref(s);
    return 0;
}

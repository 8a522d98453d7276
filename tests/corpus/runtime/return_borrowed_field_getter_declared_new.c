/*
 * A getter annotated RC_RETURNS_NEW that returns its struct's field.
 *
 * session_user() promises a new reference but returns s->user, the
 * session's own reference: the finding stands at that return.
 */
#include <rc/rc.h>

struct session {
    rc_object *user;
    long expires;
};

RC_RETURNS_NEW rc_object *session_user(const struct session *s);

rc_object *session_user(const struct session *s)
{
    return s->user; // expect: refcount-return-borrowed
}

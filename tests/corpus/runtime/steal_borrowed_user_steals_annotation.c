/*
 * A borrowed reference passed to a user function annotated RC_STEALS.
 *
 * event_post() (defined elsewhere) takes over its second argument.
 * forward() passes the event it borrowed from its caller: the finding
 * stands at the event_post call.
 */
#include <rc/rc.h>

RC_STEALS(2) RC_MAY_FAIL int event_post(rc_object *queue, rc_object *event);

int forward(rc_object *queue, rc_object *event)
{
    if (event == NULL)
        return -1;
    return event_post(queue, event); // expect: refcount-steal-borrowed
}

/*
 * Clean: a statically allocated (immortal) object handed out with
 * rc_newref and released by callers.
 *
 * none_value() returns a new reference to a static sentinel; callers
 * release it like any other new reference. Immortal objects are never
 * freed and never reported alive. main() takes and releases one.
 */
#include <rc/rc.h>

typedef struct sentinel {
    RC_OBJECT_HEAD;
} sentinel;

static const rc_type sentinel_type = { "sentinel", sizeof(sentinel), NULL, NULL, NULL, NULL, 0 };

static sentinel none_obj = { RC_STATIC_OBJECT_INIT(&sentinel_type) };

static rc_object *none_value(void)
{
    return rc_newref((rc_object *)&none_obj); // no-warning
}

int main(void)
{
    rc_object *n = none_value();

    rc_decref(n);
    return 0;
}

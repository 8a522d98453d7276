/*
 * Clean: the result assigned inside the condition, `if ((p = f()) == NULL)`.
 *
 * tagged() allocates and checks in one expression each time; the failure
 * branch of each check does not own the NULL result. main() tags a name.
 */
#include <rc/rc.h>

static rc_object *tagged(const char *name)
{
    rc_object *prefix, *who, *res;

    if ((prefix = rc_str_new("tag:")) == NULL)
        return NULL;
    if ((who = rc_str_new(name)) == NULL) {
        rc_decref(prefix);
        return NULL;
    }
    if ((res = rc_str_concat(prefix, who)) == NULL) {
        rc_decref(prefix);
        rc_decref(who);
        return NULL;
    }
    rc_decref(prefix);
    rc_decref(who);
    return res;
}

int main(void)
{
    rc_object *t;

    if ((t = tagged("x")) == NULL)
        return 0;
    rc_decref(t);
    return 0;
}

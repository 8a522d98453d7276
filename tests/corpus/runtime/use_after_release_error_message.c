/*
 * An error message that names the object just released.
 *
 * check_name() releases name on the failure path and then formats the
 * message with rc_str_value(name): the use after release stands there.
 * The success path is correct.
 */
#include <rc/rc.h>
#include <stdio.h>

int check_name(rc_object *names, const char *s)
{
    rc_object *name = rc_str_new(s);

    if (name == NULL)
        return -1;
    if (rc_list_append(names, name) < 0) {
        rc_decref(name);
        fprintf(stderr, "cannot add %s\n", rc_str_value(name)); // expect: refcount-use-after-release
        return -1;
    }
    rc_decref(name);
    return 0;
}

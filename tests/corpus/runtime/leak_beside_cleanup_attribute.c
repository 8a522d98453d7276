/*
 * A leak beside a variable with a cleanup attribute.
 *
 * `name` is released by release_p() at every exit; `tag` is an ordinary
 * variable, and the error return after its allocation forgets it.
 */
#include <rc/rc.h>

static void release_p(rc_object **p)
{
    rc_xdecref(*p);
}

int label_pair(rc_object *dict)
{
    __attribute__((cleanup(release_p))) rc_object *name = rc_str_new("name");
    rc_object *tag;

    if (name == NULL)
        return -1;
    tag = rc_str_new("tag");
    if (tag == NULL)
        return -1;
    if (rc_dict_set(dict, name, tag) < 0)
        return -1; // expect: refcount-leak
    rc_decref(tag);
    return 0;
}

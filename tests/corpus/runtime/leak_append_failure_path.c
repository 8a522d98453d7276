/*
 * The error branch of a non-stealing call forgets the item.
 *
 * add_name() releases name after a successful append, but when
 * rc_list_append fails it returns -1 still owning name: the leak stands at
 * that return. main() passes an int where the list is expected, so the
 * append fails and the str stays alive.
 */
#include <rc/rc.h>

static int add_name(rc_object *names, const char *s)
{
    rc_object *name = rc_str_new(s);

    if (!name)
        return -1;
    if (rc_list_append(names, name) < 0)
        return -1; // expect: refcount-leak
    rc_decref(name);
    return 0;
}

int main(void)
{
    rc_object *not_a_list = rc_int_new(3);

    if (not_a_list == NULL)
        return 0;
    if (add_name(not_a_list, "ada") < 0)
        rc_error_clear();
    rc_decref(not_a_list);
    return 0;
}

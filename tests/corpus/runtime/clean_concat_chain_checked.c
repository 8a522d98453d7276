/*
 * Clean: a chain of concatenations with every intermediate checked and
 * released.
 *
 * path_join() keeps each intermediate in a variable and releases it once
 * the next step has used it. main() joins "a", "/", "b".
 */
#include <rc/rc.h>

static rc_object *path_join(rc_object *dir, rc_object *name)
{
    rc_object *sep, *head, *full;

    sep = rc_str_new("/");
    if (sep == NULL)
        return NULL;
    head = rc_str_concat(dir, sep);
    rc_decref(sep);
    if (head == NULL)
        return NULL;
    full = rc_str_concat(head, name);
    rc_decref(head);
    return full;
}

int main(void)
{
    rc_object *a = rc_str_new("a");
    rc_object *b = rc_str_new("b");
    rc_object *p = NULL;

    if (a != NULL && b != NULL)
        p = path_join(a, b);
    rc_xdecref(p);
    rc_xdecref(a);
    rc_xdecref(b);
    return 0;
}

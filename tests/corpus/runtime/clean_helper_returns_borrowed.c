/*
 * Clean: a local helper that returns a borrowed reference, not released by
 * its caller.
 *
 * find_named() returns an item borrowed from the list, or NULL (inferred:
 * borrowed). count_named() uses it without releasing it. main() searches a
 * one-item list.
 */
#include <rc/rc.h>
#include <string.h>

static rc_object *find_named(rc_object *list, const char *name)
{
    size_t i, n = rc_list_size(list);

    for (i = 0; i < n; i++) {
        rc_object *it = rc_list_get(list, i);
        const char *s;

        if (it == NULL)
            return NULL;
        s = rc_str_value(it);
        if (s != NULL && strcmp(s, name) == 0)
            return it;
    }
    return NULL;
}

static size_t name_length(rc_object *list, const char *name)
{
    rc_object *it = find_named(list, name);

    if (it == NULL)
        return 0;
    return rc_str_len(it); // no-warning
}

int main(void)
{
    rc_object *list = rc_list_new(1);
    rc_object *s = rc_str_new("needle");

    if (list != NULL && s != NULL && rc_list_append(list, s) == 0)
        (void)name_length(list, "needle");
    rc_xdecref(s);
    rc_xdecref(list);
    return 0;
}

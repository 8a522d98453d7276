/*
 * A string accumulator overwritten by each concatenation.
 *
 * rc_str_concat borrows its arguments and returns a new str. join() writes
 * `acc = rc_str_concat(acc, part)`, losing the previous accumulator on
 * every iteration: the leak stands on that assignment (the final acc is
 * returned). main() joins two parts: the initial "" and "a" leak.
 */
#include <rc/rc.h>

static rc_object *join(rc_object *parts)
{
    rc_object *acc = rc_str_new("");
    size_t i, n = rc_list_size(parts);

    if (acc == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        rc_object *part = rc_list_get(parts, i);

        if (part == NULL)
            break;
        acc = rc_str_concat(acc, part); // expect: refcount-leak
        if (acc == NULL)
            return NULL;
    }
    return acc;
}

int main(void)
{
    rc_object *parts = rc_list_new(2);
    rc_object *a = rc_str_new("a");
    rc_object *b = rc_str_new("b");
    rc_object *joined = NULL;

    if (parts != NULL && a != NULL && b != NULL &&
        rc_list_append(parts, a) == 0 && rc_list_append(parts, b) == 0)
        joined = join(parts);
    rc_xdecref(joined);
    rc_xdecref(a);
    rc_xdecref(b);
    rc_xdecref(parts);
    return 0;
}

/*
 * An out-parameter function that fails half-way and forgets its first part.
 *
 * parse_pair() fills *out with a new tuple on success and NULL on failure.
 * When the second string cannot be made (NULL text: RC_ERR_ARG) it returns
 * -1 while still owning `first`: the leak stands at that return. main()
 * passes a NULL second part.
 */
#include <rc/rc.h>

static int parse_pair(const char *a, const char *b, rc_object **out)
{
    rc_object *first, *second, *t;

    *out = NULL;
    first = rc_str_new(a);
    if (first == NULL)
        return -1;
    second = rc_str_new(b);
    if (second == NULL)
        return -1; // expect: refcount-leak
    t = rc_tuple_pack(2, first, second);
    rc_decref(first);
    rc_decref(second);
    if (t == NULL)
        return -1;
    *out = t;
    return 0;
}

int main(void)
{
    rc_object *pair;

    if (parse_pair("x", NULL, &pair) < 0)
        rc_error_clear();
    else
        rc_decref(pair);
    return 0;
}

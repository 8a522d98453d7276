/*
 * The type of a concatenation result read without a check.
 *
 * rc_str_concat returns NULL on failure (for instance when an argument is
 * not a str); describe_join() reads s->ob_type->name at once: the finding
 * stands at that dereference.
 */
#include <rc/rc.h>
#include <stdio.h>

int describe_join(rc_object *a, rc_object *b, char *buf, size_t n)
{
    rc_object *s = rc_str_concat(a, b);
    int len = snprintf(buf, n, "%s", s->ob_type->name); // expect: refcount-unchecked-null

    rc_decref(s);
    return len;
}

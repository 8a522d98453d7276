/*
 * An rc_newref() whose reference is dropped on the error path.
 *
 * describe() takes a new reference to obj with rc_newref and releases it at
 * the end; when obj is not a str, rc_str_value fails and the function
 * returns -1 still owning `keep`. main() describes an int.
 */
#include <rc/rc.h>
#include <stdio.h>

static int describe(rc_object *obj, char *buf, size_t n)
{
    rc_object *keep = rc_newref(obj);
    const char *s = rc_str_value(keep);

    if (s == NULL)
        return -1; // expect: refcount-leak
    snprintf(buf, n, "<%s>", s);
    rc_decref(keep);
    return 0;
}

int main(void)
{
    char buf[32];
    rc_object *v = rc_int_new(1);

    if (v == NULL)
        return 0;
    if (describe(v, buf, sizeof buf) < 0)
        rc_error_clear();
    rc_decref(v);
    return 0;
}

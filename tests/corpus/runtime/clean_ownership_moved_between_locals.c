/*
 * Clean: a reference moved from one local to another and released through
 * the second.
 *
 * pick() moves the chosen object into `result` and clears the source
 * variable, so each object is released exactly once whichever is chosen.
 * main() picks both ways.
 */
#include <rc/rc.h>

static rc_object *pick(int want_str)
{
    rc_object *num = rc_int_new(1);
    rc_object *str = rc_str_new("one");
    rc_object *result = NULL;

    if (num == NULL || str == NULL)
        goto out;
    if (want_str) {
        result = str;
        str = NULL;
    } else {
        result = num;
        num = NULL;
    }
out:
    rc_xdecref(num);
    rc_xdecref(str);
    return result; // no-warning
}

int main(void)
{
    rc_object *a = pick(0);
    rc_object *b = pick(1);

    rc_xdecref(a);
    rc_xdecref(b);
    return 0;
}

/*
 * Clean: a conditional expression choosing between two constructors.
 *
 * Both arms yield a new reference, so after one NULL check the value is
 * owned whatever the branch, and one release suffices. main() boxes both
 * kinds.
 */
#include <rc/rc.h>

static int push_box(rc_object *out, int as_text, long v)
{
    rc_object *box = as_text ? rc_str_new("v") : rc_int_new(v);
    int rc;

    if (box == NULL)
        return -1;
    rc = rc_list_append(out, box);
    rc_decref(box); // no-warning
    return rc;
}

int main(void)
{
    rc_object *out = rc_list_new(2);

    if (out == NULL)
        return 0;
    (void)push_box(out, 0, 1);
    (void)push_box(out, 1, 2);
    rc_decref(out);
    return 0;
}

/*
 * One object leaked at two different exits: two findings.
 *
 * classify() makes a tag and appends it to out. It returns early for zero
 * and on an append failure, both times still owning tag: one leak at each
 * of those returns. The last path releases it. main() classifies 0.
 */
#include <rc/rc.h>

static int classify(rc_object *out, long v)
{
    rc_object *tag = rc_str_new(v < 0 ? "negative" : "non-negative");

    if (tag == NULL)
        return -1;
    if (v == 0)
        return 0; // expect: refcount-leak
    if (rc_list_append(out, tag) < 0)
        return -1; // expect: refcount-leak
    rc_decref(tag);
    return 1;
}

int main(void)
{
    rc_object *out = rc_list_new(1);

    if (out == NULL)
        return 0;
    (void)classify(out, 0);
    rc_decref(out);
    return 0;
}

/*
 * A helper's new reference used only as a truth value.
 *
 * make_label() is defined here and returns a new str or NULL (its summary
 * must be inferred). valid_id() calls it only to see whether it fails; the
 * new reference is compared and dropped on the call's line. main() checks
 * one id.
 */
#include <rc/rc.h>
#include <stdio.h>

static rc_object *make_label(long id)
{
    char buf[32];

    if (id < 0)
        return NULL;
    snprintf(buf, sizeof buf, "item-%ld", id);
    return rc_str_new(buf);
}

static int valid_id(long id)
{
    if (make_label(id) == NULL) // expect: refcount-leak
        return 0;
    return 1;
}

int main(void)
{
    (void)valid_id(4);
    return 0;
}

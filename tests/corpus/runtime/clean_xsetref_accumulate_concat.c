/*
 * Clean: a string accumulator replaced with RC_XSETREF on each step.
 *
 * RC_XSETREF saves the old accumulator, stores the concatenation (computed
 * while the old one is still alive), then releases the old one; a failed
 * concatenation leaves acc NULL and ends the loop. main() joins two parts.
 */
#include <rc/rc.h>

static rc_object *join(rc_object *parts)
{
    rc_object *acc = rc_str_new("");
    size_t i, n = rc_list_size(parts);

    for (i = 0; i < n && acc != NULL; i++) {
        rc_object *part = rc_list_get(parts, i);

        if (part == NULL) {
            RC_CLEAR(acc);
            break;
        }
        RC_XSETREF(acc, rc_str_concat(acc, part)); // no-warning
    }
    return acc;
}

int main(void)
{
    rc_object *parts = rc_list_new(2);
    rc_object *a = rc_str_new("a");
    rc_object *j = NULL;

    if (parts != NULL && a != NULL && rc_list_append(parts, a) == 0 &&
        rc_list_append(parts, a) == 0)
        j = join(parts);
    rc_xdecref(j);
    rc_xdecref(a);
    rc_xdecref(parts);
    return 0;
}

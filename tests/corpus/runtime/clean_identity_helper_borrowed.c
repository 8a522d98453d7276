/*
 * Clean: a local helper that only ever returns one of its (borrowed)
 * arguments, so its result is borrowed and not released.
 *
 * choose() returns a or b as given (inferred: returns borrowed on every
 * path). longer_len() uses the choice and releases nothing. main() runs
 * it once.
 */
#include <rc/rc.h>

static rc_object *choose(rc_object *a, rc_object *b, int first)
{
    return first ? a : b; // no-warning
}

static size_t longer_len(rc_object *a, rc_object *b)
{
    rc_object *pick = choose(a, b, rc_str_len(a) >= rc_str_len(b));

    return rc_str_len(pick);
}

int main(void)
{
    rc_object *a = rc_str_new("ab");
    rc_object *b = rc_str_new("abc");

    if (a != NULL && b != NULL)
        (void)longer_len(a, b);
    rc_xdecref(a);
    rc_xdecref(b);
    return 0;
}

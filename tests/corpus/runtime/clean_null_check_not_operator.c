/*
 * Clean: NULL checks written `if (!p)`.
 *
 * pair_strs() checks each constructor's result with the ! operator and
 * releases what it owns on each failure path. main() makes one pair.
 */
#include <rc/rc.h>

static rc_object *pair_strs(const char *a, const char *b)
{
    rc_object *x, *y, *t;

    x = rc_str_new(a);
    if (!x)
        return NULL;
    y = rc_str_new(b);
    if (!y) {
        rc_decref(x);
        return NULL;
    }
    t = rc_tuple_pack(2, x, y);
    rc_decref(x);
    rc_decref(y);
    if (!t)
        return NULL;
    return t;
}

int main(void)
{
    rc_object *t = pair_strs("a", "b");

    if (!t)
        return 0;
    rc_decref(t);
    return 0;
}

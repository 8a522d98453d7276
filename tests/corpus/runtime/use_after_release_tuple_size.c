/*
 * A container queried after the function released it.
 *
 * pack_size() builds a tuple, releases its only reference, and then asks
 * for its size: the use after release stands at rc_tuple_size.
 */
#include <rc/rc.h>

size_t pack_size(rc_object *a, rc_object *b)
{
    rc_object *t = rc_tuple_pack(2, a, b);

    if (t == NULL)
        return 0;
    rc_decref(t);
    return rc_tuple_size(t); // expect: refcount-use-after-release
}

/*
 * Taking a new reference to an object after releasing the last one.
 *
 * reuse_or_make() pops a pooled object (the pool's reference is now its
 * own), releases it, and then returns rc_newref of it: the incref touches
 * freed memory. The use after release stands at the rc_newref.
 */
#include <rc/rc.h>

rc_object *reuse_or_make(rc_object *pool)
{
    rc_object *o = rc_list_pop(pool);

    if (o == NULL) {
        rc_error_clear();
        return rc_int_new(0);
    }
    rc_decref(o);
    return rc_newref(o); // expect: refcount-use-after-release
}

/*
 * A function that returns a new reference on one path and its borrowed
 * parameter on the other.
 *
 * default_if_null() is not annotated; on the NULL path it returns a new
 * int, so it is a new-reference function and its callers must release the
 * result. Returning v without rc_newref hands out a reference it never
 * had: the finding stands at `return v`.
 */
#include <rc/rc.h>

rc_object *default_if_null(rc_object *v)
{
    if (v == NULL)
        return rc_int_new(0);
    return v; // expect: refcount-return-borrowed
}

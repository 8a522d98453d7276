/*
 * rc_decref of a constructor result that may be NULL.
 *
 * reserve_scratch() makes a scratch list only to release it; rc_decref does
 * not accept NULL (rc_xdecref does), so a failed rc_list_new crashes. The
 * finding stands at the rc_decref.
 */
#include <rc/rc.h>

void reserve_scratch(size_t n)
{
    rc_object *tmp = rc_list_new(n);

    rc_decref(tmp); // expect: refcount-unchecked-null
}

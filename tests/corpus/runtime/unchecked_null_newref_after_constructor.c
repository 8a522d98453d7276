/*
 * A constructor's result incref'd before any NULL check.
 *
 * store_twice() stores one int into both fields of a pair, taking a second
 * reference with rc_newref; if rc_int_new failed, rc_newref dereferences
 * NULL. The finding stands at that first use.
 */
#include <rc/rc.h>

struct pair {
    rc_object *first;
    rc_object *second;
};

int store_twice(struct pair *p, long v)
{
    rc_object *o = rc_int_new(v);

    p->first = rc_newref(o); // expect: refcount-unchecked-null
    p->second = o;
    return 0;
}

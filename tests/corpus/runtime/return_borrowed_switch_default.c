/*
 * A coercion switch whose default case returns its argument unchanged.
 *
 * coerce() returns new objects in its cases and the borrowed argument in
 * the default case; callers release what it returns, so the default case
 * needs rc_newref(v). The finding stands at that return.
 */
#include <rc/rc.h>

enum want { WANT_INT, WANT_STR, WANT_ANY };

rc_object *coerce(rc_object *v, enum want w)
{
    switch (w) {
    case WANT_INT:
        return rc_int_new(rc_int_value(v));
    case WANT_STR:
        return rc_str_new(rc_str_value(v));
    default:
        return v; // expect: refcount-return-borrowed
    }
}

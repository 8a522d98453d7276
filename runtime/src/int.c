/*
 * int.c - the built-in int type: an immutable long, untracked, hashed and
 * compared by value so that ints work as dict keys.
 */
#include "internal.h"

typedef struct int_object {
    RC_OBJECT_HEAD;
    long value;
} int_object;

size_t rc_int__hash(rc_object *self)
{
    return (size_t)((int_object *)self)->value * (size_t)0x9E3779B97F4A7C15ull;
}

int rc_int__equal(rc_object *a, rc_object *b)
{
    return ((int_object *)a)->value == ((int_object *)b)->value;
}

const rc_type rc_int_type = {
    .name = "int",
    .size = sizeof(int_object),
};

rc_object *rc_int_new(long v)
{
    int_object *o = (int_object *)rc_object__alloc(&rc_int_type, 0, NULL, 0, "rc_int_new",
                                                   __builtin_return_address(0));
    if (o == NULL)
        return NULL;
    o->value = v;
    return &o->ob_base;
}

long rc_int_value(rc_object *o)
{
    if (rc_object__check(o, &rc_int_type, "rc_int_value") < 0)
        return -1;
    return ((int_object *)o)->value;
}

int rc_int_check(rc_object *o) { return o != NULL && o->ob_type == &rc_int_type; }

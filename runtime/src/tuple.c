/*
 * tuple.c - the built-in tuple type: a fixed number of slots stored inline,
 * each NULL (not set yet) or an owned reference. Hashed and compared item
 * by item, so tuples of ints and strs work as dict keys (do not change a
 * tuple while it is a key).
 */
#include <stdarg.h>

#include "internal.h"

typedef struct tuple_object {
    RC_OBJECT_HEAD;
    size_t size;
    rc_object *items[];
} tuple_object;

static int tuple_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    tuple_object *t = (tuple_object *)self;
    for (size_t i = 0; i < t->size; i++)
        RC_VISIT(t->items[i]);
    return 0;
}

static void tuple_clear_proc(rc_object *self)
{
    tuple_object *t = (tuple_object *)self;
    for (size_t i = 0; i < t->size; i++)
        RC_CLEAR(t->items[i]);
}

size_t rc_tuple__hash(rc_object *self)
{
    tuple_object *t = (tuple_object *)self;
    size_t h = 0x345678u + t->size;
    for (size_t i = 0; i < t->size; i++)
        h = (h ^ rc_object_hash(t->items[i])) * (size_t)1000003u;
    return h;
}

int rc_tuple__equal(rc_object *a, rc_object *b)
{
    tuple_object *x = (tuple_object *)a, *y = (tuple_object *)b;
    if (x->size != y->size)
        return 0;
    for (size_t i = 0; i < x->size; i++)
        if (!rc_object_equal(x->items[i], y->items[i]))
            return 0;
    return 1;
}

const rc_type rc_tuple_type = {
    .name = "tuple",
    .size = sizeof(tuple_object),
    .dealloc = tuple_clear_proc,
    .traverse = tuple_traverse,
    .clear = tuple_clear_proc,
};

static rc_object *tuple_alloc(size_t n, void *caller, const char *fn)
{
    if (n > (SIZE_MAX - sizeof(tuple_object)) / sizeof(rc_object *) / 2) {
        rc_error__nomem(fn);
        return NULL;
    }
    tuple_object *t = (tuple_object *)rc_object__alloc(&rc_tuple_type, n * sizeof(rc_object *),
                                                       NULL, 0, fn, caller);
    if (t == NULL)
        return NULL;
    t->size = n;
    return &t->ob_base;
}

rc_object *rc_tuple_new(size_t n)
{
    return tuple_alloc(n, __builtin_return_address(0), "rc_tuple_new");
}

int rc_tuple_set(rc_object *t, size_t i, rc_object *item)
{
    if (rc_object__check_setter(t, &rc_tuple_type, item, "rc_tuple_set") < 0)
        return -1;
    tuple_object *tt = (tuple_object *)t;
    if (i >= tt->size) {
        rc_error_set(RC_ERR_INDEX, "rc_tuple_set: index %zu out of range (size %zu)", i, tt->size);
        rc_decref(item);
        return -1;
    }
    RC_XSETREF(tt->items[i], item);
    return 0;
}

rc_object *rc_tuple_get(rc_object *t, size_t i)
{
    if (rc_object__check(t, &rc_tuple_type, "rc_tuple_get") < 0)
        return NULL;
    tuple_object *tt = (tuple_object *)t;
    if (i >= tt->size) {
        rc_error_set(RC_ERR_INDEX, "rc_tuple_get: index %zu out of range (size %zu)", i, tt->size);
        return NULL;
    }
    return tt->items[i];
}

rc_object *rc_tuple_pack(size_t n, ...)
{
    rc_object *t = tuple_alloc(n, __builtin_return_address(0), "rc_tuple_pack");
    if (t == NULL)
        return NULL;
    tuple_object *tt = (tuple_object *)t;
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) {
        rc_object *item = va_arg(ap, rc_object *);
        if (item == NULL) {
            va_end(ap);
            rc_error_set(RC_ERR_ARG, "rc_tuple_pack: argument %zu is NULL", i + 2);
            rc_decref(t);
            return NULL;
        }
        tt->items[i] = rc_newref(item);
    }
    va_end(ap);
    return t;
}

size_t rc_tuple_size(rc_object *t)
{
    if (rc_object__check(t, &rc_tuple_type, "rc_tuple_size") < 0)
        return 0;
    return ((tuple_object *)t)->size;
}

int rc_tuple_check(rc_object *o) { return o != NULL && o->ob_type == &rc_tuple_type; }

/*
 * list.c - the built-in list type: a growable array of owned references.
 *
 * Invariants: items[0..size) are non-NULL owned references; cap >= size;
 * items is NULL when cap is 0. Mutators that release references update the
 * list first and release afterwards, so a finalizer run by the release sees
 * a consistent list (CPython's clear-before-decref idiom).
 */
#include <string.h>

#include "internal.h"

typedef struct list_object {
    RC_OBJECT_HEAD;
    size_t size;
    size_t cap;
    rc_object **items;
} list_object;

static int list_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    list_object *l = (list_object *)self;
    for (size_t i = 0; i < l->size; i++)
        RC_VISIT(l->items[i]);
    return 0;
}

/* Empty the list, then release what it held. */
static void list_drop_items(list_object *l)
{
    rc_object **items = l->items;
    size_t n = l->size;
    l->items = NULL;
    l->size = 0;
    l->cap = 0;
    for (size_t i = 0; i < n; i++)
        rc_decref(items[i]);
    rc_mem_free(items);
}

static void list_clear_proc(rc_object *self) { list_drop_items((list_object *)self); }

const rc_type rc_list_type = {
    .name = "list",
    .size = sizeof(list_object),
    .dealloc = list_clear_proc,
    .traverse = list_traverse,
    .clear = list_clear_proc,
};

/* Make room for at least need items. */
static int list_reserve(list_object *l, size_t need, const char *fn)
{
    if (need <= l->cap)
        return 0;
    size_t cap = l->cap ? l->cap : 4;
    while (cap < need) {
        if (cap > SIZE_MAX / 2 / sizeof(rc_object *)) {
            rc_error__nomem(fn);
            return -1;
        }
        cap *= 2;
    }
    if (cap > SIZE_MAX / sizeof(rc_object *)) {
        rc_error__nomem(fn);
        return -1;
    }
    rc_object **items = rc_mem_realloc(l->items, cap * sizeof(rc_object *));
    if (items == NULL) {
        rc_error__nomem(fn);
        return -1;
    }
    l->items = items;
    l->cap = cap;
    return 0;
}

rc_object *rc_list_new(size_t capacity_hint)
{
    list_object *l = (list_object *)rc_object__alloc(&rc_list_type, 0, NULL, 0, "rc_list_new",
                                                     __builtin_return_address(0));
    if (l == NULL)
        return NULL;
    if (capacity_hint > 0 && list_reserve(l, capacity_hint, "rc_list_new") < 0) {
        rc_decref(&l->ob_base);
        return NULL;
    }
    return &l->ob_base;
}

int rc_list__append(rc_object *list, rc_object *item)
{
    list_object *l = (list_object *)list;
    if (list_reserve(l, l->size + 1, "rc_list_append") < 0)
        return -1;
    rc_incref(item);
    l->items[l->size++] = item;
    return 0;
}

int rc_list_append(rc_object *list, rc_object *item)
{
    if (rc_object__check(list, &rc_list_type, "rc_list_append") < 0 ||
        rc_object__check(item, NULL, "rc_list_append") < 0)
        return -1;
    return rc_list__append(list, item);
}

rc_object *rc_list_get(rc_object *list, size_t i)
{
    if (rc_object__check(list, &rc_list_type, "rc_list_get") < 0)
        return NULL;
    list_object *l = (list_object *)list;
    if (i >= l->size) {
        rc_error_set(RC_ERR_INDEX, "rc_list_get: index %zu out of range (size %zu)", i, l->size);
        return NULL;
    }
    return l->items[i];
}

int rc_list_set(rc_object *list, size_t i, rc_object *item)
{
    if (rc_object__check_setter(list, &rc_list_type, item, "rc_list_set") < 0)
        return -1;
    list_object *l = (list_object *)list;
    if (i >= l->size) {
        rc_error_set(RC_ERR_INDEX, "rc_list_set: index %zu out of range (size %zu)", i, l->size);
        rc_decref(item);
        return -1;
    }
    rc_object *old = l->items[i];
    l->items[i] = item;
    rc_decref(old);
    return 0;
}

size_t rc_list_size(rc_object *list)
{
    if (rc_object__check(list, &rc_list_type, "rc_list_size") < 0)
        return 0;
    return ((list_object *)list)->size;
}

rc_object *rc_list_pop(rc_object *list)
{
    if (rc_object__check(list, &rc_list_type, "rc_list_pop") < 0)
        return NULL;
    list_object *l = (list_object *)list;
    if (l->size == 0) {
        rc_error_set(RC_ERR_INDEX, "rc_list_pop: empty list");
        return NULL;
    }
    return l->items[--l->size];
}

int rc_list_clear(rc_object *list)
{
    if (rc_object__check(list, &rc_list_type, "rc_list_clear") < 0)
        return -1;
    list_drop_items((list_object *)list);
    return 0;
}

int rc_list_check(rc_object *o) { return o != NULL && o->ob_type == &rc_list_type; }

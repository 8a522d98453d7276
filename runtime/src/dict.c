/*
 * dict.c - the built-in dict type: an open-addressing hash table (linear
 * probing, power-of-two capacity, tombstones) of owned key/value pairs.
 *
 * Invariants: a slot is empty (key NULL), deleted (key == DUMMY) or full
 * (key and value owned references, hash cached); fill (full + deleted)
 * stays at most 2/3 of cap, so every probe sequence reaches an empty slot.
 * Key comparison never runs user code for the built-in key types (int and
 * str compare by value, everything else by identity or its type's equal).
 */
#include <string.h>

#include "internal.h"

typedef struct dict_entry {
    size_t hash;
    rc_object *key;
    rc_object *value;
} dict_entry;

typedef struct dict_object {
    RC_OBJECT_HEAD;
    size_t used; /* full slots */
    size_t fill; /* full + deleted slots */
    size_t cap;  /* 0 or a power of two */
    dict_entry *slots;
} dict_object;

static rc_object dummy_key;
#define DUMMY (&dummy_key)

static int dict_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    dict_object *d = (dict_object *)self;
    for (size_t i = 0; i < d->cap; i++) {
        dict_entry *e = &d->slots[i];
        if (e->key != NULL && e->key != DUMMY) {
            RC_VISIT(e->key);
            RC_VISIT(e->value);
        }
    }
    return 0;
}

/* Empty the dict, then release what it held. */
static void dict_drop_items(dict_object *d)
{
    dict_entry *slots = d->slots;
    size_t cap = d->cap;
    d->slots = NULL;
    d->cap = d->used = d->fill = 0;
    for (size_t i = 0; i < cap; i++) {
        if (slots[i].key != NULL && slots[i].key != DUMMY) {
            rc_decref(slots[i].key);
            rc_decref(slots[i].value);
        }
    }
    rc_mem_free(slots);
}

static void dict_clear_proc(rc_object *self) { dict_drop_items((dict_object *)self); }

const rc_type rc_dict_type = {
    .name = "dict",
    .size = sizeof(dict_object),
    .dealloc = dict_clear_proc,
    .traverse = dict_traverse,
    .clear = dict_clear_proc,
};

/* How a lookup compares keys: an object, or a C string as a str. */
typedef struct dict_key {
    size_t hash;
    rc_object *obj;  /* NULL when looking up a C string */
    const char *str;
    size_t len;
} dict_key;

static int key_matches(const dict_entry *e, const dict_key *k)
{
    if (e->hash != k->hash)
        return 0;
    if (k->obj)
        return rc_object_equal(e->key, k->obj);
    return rc_str_check(e->key) && rc_str_len(e->key) == k->len &&
           memcmp(rc_str_value(e->key), k->str, k->len) == 0;
}

/* The slot holding k, or NULL. */
static dict_entry *find(dict_object *d, const dict_key *k)
{
    if (d->cap == 0)
        return NULL;
    size_t mask = d->cap - 1;
    for (size_t i = k->hash & mask;; i = (i + 1) & mask) {
        dict_entry *e = &d->slots[i];
        if (e->key == NULL)
            return NULL;
        if (e->key != DUMMY && key_matches(e, k))
            return e;
    }
}

/* The first empty or deleted slot for hash (the table has one). */
static dict_entry *free_slot(dict_object *d, size_t hash)
{
    size_t mask = d->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask)
        if (d->slots[i].key == NULL || d->slots[i].key == DUMMY)
            return &d->slots[i];
}

static int resize(dict_object *d, size_t need, const char *fn)
{
    size_t cap = 8;
    while (cap * 2 < need * 3) {
        if (cap > SIZE_MAX / 4 / sizeof(dict_entry)) {
            rc_error__nomem(fn);
            return -1;
        }
        cap *= 2;
    }
    dict_entry *slots = rc_mem_alloc(cap * sizeof(dict_entry));
    if (slots == NULL) {
        rc_error__nomem(fn);
        return -1;
    }
    memset(slots, 0, cap * sizeof(dict_entry));
    dict_entry *old = d->slots;
    size_t old_cap = d->cap;
    d->slots = slots;
    d->cap = cap;
    d->fill = d->used;
    for (size_t i = 0; i < old_cap; i++) {
        if (old[i].key != NULL && old[i].key != DUMMY)
            *free_slot(d, old[i].hash) = old[i];
    }
    rc_mem_free(old);
    return 0;
}

static int check_dict(rc_object *d, const char *fn) { return rc_object__check(d, &rc_dict_type, fn); }

rc_object *rc_dict_new(void)
{
    return rc_object__alloc(&rc_dict_type, 0, NULL, 0, "rc_dict_new", __builtin_return_address(0));
}

/* Insert or replace under k (key is k->obj, or made from k->str). */
static int dict_store(dict_object *d, const dict_key *k, rc_object *value, const char *fn)
{
    dict_entry *e = find(d, k);
    if (e != NULL) {
        rc_object *old = e->value;
        rc_incref(value);
        e->value = value;
        rc_decref(old);
        return 0;
    }
    if ((d->fill + 1) * 3 > d->cap * 2 && resize(d, d->used + 1, fn) < 0)
        return -1;
    rc_object *key = k->obj;
    if (key == NULL) {
        key = rc_str_new_len(k->str, k->len);
        if (key == NULL)
            return -1;
    } else {
        rc_incref(key);
    }
    e = free_slot(d, k->hash);
    if (e->key == NULL)
        d->fill++;
    d->used++;
    rc_incref(value);
    e->hash = k->hash;
    e->key = key;
    e->value = value;
    return 0;
}

int rc_dict_set(rc_object *d, rc_object *key, rc_object *value)
{
    if (check_dict(d, "rc_dict_set") < 0 || rc_object__check(key, NULL, "rc_dict_set") < 0 ||
        rc_object__check(value, NULL, "rc_dict_set") < 0)
        return -1;
    dict_key k = { rc_object_hash(key), key, NULL, 0 };
    return dict_store((dict_object *)d, &k, value, "rc_dict_set");
}

int rc_dict_set_str(rc_object *d, const char *key, rc_object *value)
{
    if (check_dict(d, "rc_dict_set_str") < 0 || rc_object__check(value, NULL, "rc_dict_set_str") < 0)
        return -1;
    if (key == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_dict_set_str: NULL key");
        return -1;
    }
    size_t len = strlen(key);
    dict_key k = { rc_str__hash_bytes(key, len), NULL, key, len };
    return dict_store((dict_object *)d, &k, value, "rc_dict_set_str");
}

static rc_object *dict_lookup(rc_object *d, const dict_key *k, const char *fn)
{
    dict_entry *e = find((dict_object *)d, k);
    if (e == NULL) {
        rc_error_set(RC_ERR_KEY, "%s: key not found", fn);
        return NULL;
    }
    return e->value;
}

rc_object *rc_dict_get(rc_object *d, rc_object *key)
{
    if (check_dict(d, "rc_dict_get") < 0 || rc_object__check(key, NULL, "rc_dict_get") < 0)
        return NULL;
    dict_key k = { rc_object_hash(key), key, NULL, 0 };
    return dict_lookup(d, &k, "rc_dict_get");
}

rc_object *rc_dict_get_str(rc_object *d, const char *key)
{
    if (check_dict(d, "rc_dict_get_str") < 0)
        return NULL;
    if (key == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_dict_get_str: NULL key");
        return NULL;
    }
    size_t len = strlen(key);
    dict_key k = { rc_str__hash_bytes(key, len), NULL, key, len };
    return dict_lookup(d, &k, "rc_dict_get_str");
}

int rc_dict_del(rc_object *d, rc_object *key)
{
    if (check_dict(d, "rc_dict_del") < 0 || rc_object__check(key, NULL, "rc_dict_del") < 0)
        return -1;
    dict_object *dd = (dict_object *)d;
    dict_key k = { rc_object_hash(key), key, NULL, 0 };
    dict_entry *e = find(dd, &k);
    if (e == NULL) {
        rc_error_set(RC_ERR_KEY, "rc_dict_del: key not found");
        return -1;
    }
    rc_object *old_key = e->key, *old_value = e->value;
    e->key = DUMMY;
    e->value = NULL;
    dd->used--;
    rc_decref(old_key);
    rc_decref(old_value);
    return 0;
}

int rc_dict_next(rc_object *d, size_t *pos, rc_object **key, rc_object **value)
{
    if (check_dict(d, "rc_dict_next") < 0)
        return 0;
    if (pos == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_dict_next: NULL pos");
        return 0;
    }
    dict_object *dd = (dict_object *)d;
    for (size_t i = *pos; i < dd->cap; i++) {
        dict_entry *e = &dd->slots[i];
        if (e->key != NULL && e->key != DUMMY) {
            if (key)
                *key = e->key;
            if (value)
                *value = e->value;
            *pos = i + 1;
            return 1;
        }
    }
    *pos = dd->cap;
    return 0;
}

size_t rc_dict_size(rc_object *d)
{
    if (check_dict(d, "rc_dict_size") < 0)
        return 0;
    return ((dict_object *)d)->used;
}

int rc_dict_clear(rc_object *d)
{
    if (check_dict(d, "rc_dict_clear") < 0)
        return -1;
    dict_drop_items((dict_object *)d);
    return 0;
}

int rc_dict_check(rc_object *o) { return o != NULL && o->ob_type == &rc_dict_type; }

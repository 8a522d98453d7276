/*
 * str.c - the built-in str type: an immutable byte string stored inline
 * after the header (NUL-terminated, may contain NUL bytes), untracked,
 * hashed (FNV-1a, cached) and compared by value.
 */
#include <string.h>

#include "internal.h"

typedef struct str_object {
    RC_OBJECT_HEAD;
    size_t len;
    size_t hash; /* 0: not computed yet */
    char data[];
} str_object;

size_t rc_str__hash_bytes(const char *p, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)p[i];
        h *= 1099511628211ull;
    }
    return h ? (size_t)h : 1;
}

size_t rc_str__hash(rc_object *self)
{
    str_object *s = (str_object *)self;
    if (s->hash == 0)
        s->hash = rc_str__hash_bytes(s->data, s->len);
    return s->hash;
}

int rc_str__equal(rc_object *a, rc_object *b)
{
    str_object *x = (str_object *)a, *y = (str_object *)b;
    return x->len == y->len && memcmp(x->data, y->data, x->len) == 0;
}

const rc_type rc_str_type = {
    .name = "str",
    .size = sizeof(str_object),
};

static rc_object *str_alloc(const char *a, size_t alen, const char *b, size_t blen, void *caller,
                            const char *fn)
{
    if (alen + blen < alen) {
        rc_error_set(RC_ERR_ARG, "%s: length overflow", fn);
        return NULL;
    }
    str_object *s = (str_object *)rc_object__alloc(&rc_str_type, alen + blen + 1, NULL, 0, fn,
                                                   caller);
    if (s == NULL)
        return NULL;
    s->len = alen + blen;
    if (alen)
        memcpy(s->data, a, alen);
    if (blen)
        memcpy(s->data + alen, b, blen);
    s->data[s->len] = '\0';
    return &s->ob_base;
}

rc_object *rc_str_new(const char *s)
{
    if (s == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_str_new: NULL string");
        return NULL;
    }
    return str_alloc(s, strlen(s), NULL, 0, __builtin_return_address(0), "rc_str_new");
}

rc_object *rc_str_new_len(const char *s, size_t len)
{
    if (s == NULL && len > 0) {
        rc_error_set(RC_ERR_ARG, "rc_str_new_len: NULL string");
        return NULL;
    }
    return str_alloc(s, len, NULL, 0, __builtin_return_address(0), "rc_str_new_len");
}

const char *rc_str_value(rc_object *o)
{
    if (rc_object__check(o, &rc_str_type, "rc_str_value") < 0)
        return NULL;
    return ((str_object *)o)->data;
}

size_t rc_str_len(rc_object *o)
{
    if (rc_object__check(o, &rc_str_type, "rc_str_len") < 0)
        return 0;
    return ((str_object *)o)->len;
}

rc_object *rc_str_concat(rc_object *a, rc_object *b)
{
    if (rc_object__check(a, &rc_str_type, "rc_str_concat") < 0 ||
        rc_object__check(b, &rc_str_type, "rc_str_concat") < 0)
        return NULL;
    str_object *x = (str_object *)a, *y = (str_object *)b;
    return str_alloc(x->data, x->len, y->data, y->len, __builtin_return_address(0),
                     "rc_str_concat");
}

int rc_str_check(rc_object *o) { return o != NULL && o->ob_type == &rc_str_type; }

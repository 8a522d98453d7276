/*
 * test_types.c - the built-in types: every public function, its ownership
 * (refcounts before and after) and its failure value and error class for
 * NULL, wrong-type and out-of-range arguments.
 */
#include <criterion/criterion.h>
#include <string.h>

#include <rc/rc.h>

#include "refleak.h"

#define ERR() (rc_error_last()->klass)

static size_t live_at_start;
static void start(void)
{
    rc_error_clear();
    live_at_start = rc_object_live_count();
}
static void finish(void)
{
    rc_gc_collect(2);
    cr_assert_eq(rc_object_live_count(), live_at_start, "test leaked objects");
}
TestSuite(types, .init = start, .fini = finish);

Test(types, int_functions)
{
    rc_object *i = rc_int_new(-42);
    cr_assert_not_null(i);
    cr_assert(rc_int_check(i));
    cr_assert_eq(rc_int_value(i), -42);
    cr_assert_not(rc_int_check(NULL));
    cr_assert_eq(rc_int_value(NULL), -1);
    cr_assert_eq(ERR(), RC_ERR_ARG);
    rc_object *s = rc_str_new("x");
    cr_assert_not(rc_int_check(s));
    cr_assert_eq(rc_int_value(s), -1);
    cr_assert_eq(ERR(), RC_ERR_TYPE);
    cr_assert_not(rc_gc_is_tracked(i));
    rc_decref(s);
    rc_decref(i);
}

Test(types, str_functions)
{
    rc_object *a = rc_str_new("hello, ");
    rc_object *b = rc_str_new_len("world\0!", 7);
    cr_assert(rc_str_check(a));
    cr_assert_str_eq(rc_str_value(a), "hello, ");
    cr_assert_eq(rc_str_len(a), 7);
    cr_assert_eq(rc_str_len(b), 7);
    rc_object *c = rc_str_concat(a, b);
    cr_assert_eq(rc_str_len(c), 14);
    cr_assert_eq(memcmp(rc_str_value(c), "hello, world\0!", 15), 0);
    cr_assert_eq(rc_object_refcount(a), 1, "concat does not steal");
    rc_object *e = rc_str_new_len(NULL, 0);
    cr_assert_str_eq(rc_str_value(e), "");
    cr_assert_null(rc_str_new(NULL));
    cr_assert_eq(ERR(), RC_ERR_ARG);
    cr_assert_null(rc_str_new_len(NULL, 3));
    cr_assert_null(rc_str_value(NULL));
    cr_assert_eq(rc_str_len(NULL), 0);
    cr_assert_eq(ERR(), RC_ERR_ARG);
    rc_object *i = rc_int_new(1);
    cr_assert_null(rc_str_value(i));
    cr_assert_eq(ERR(), RC_ERR_TYPE);
    cr_assert_null(rc_str_concat(a, i));
    cr_assert_eq(ERR(), RC_ERR_TYPE);
    cr_assert_null(rc_str_concat(NULL, a));
    cr_assert_not(rc_str_check(i));
    cr_assert_not(rc_str_check(NULL));
    rc_object *a2 = rc_str_new("hello, ");
    cr_assert(rc_object_equal(a, a2));
    cr_assert_eq(rc_object_hash(a), rc_object_hash(a2));
    rc_decref(a2), rc_decref(i), rc_decref(e), rc_decref(c), rc_decref(b), rc_decref(a);
}

Test(types, list_ownership)
{
    rc_object *l = rc_list_new(0);
    cr_assert(rc_list_check(l));
    cr_assert(rc_gc_is_tracked(l));
    rc_object *x = rc_int_new(1), *y = rc_int_new(2);
    cr_assert_eq(rc_list_append(l, x), 0);
    cr_assert_eq(rc_object_refcount(x), 2, "append does not steal");
    cr_assert_eq(rc_list_append(l, x), 0);
    cr_assert_eq(rc_list_size(l), 2);
    cr_assert_eq(rc_list_get(l, 1), x);
    cr_assert_eq(rc_object_refcount(x), 3, "get is borrowed");
    cr_assert_eq(rc_list_set(l, 1, y), 0); /* steals y */
    cr_assert_eq(rc_object_refcount(y), 1);
    cr_assert_eq(rc_object_refcount(x), 2);
    rc_object *p = rc_list_pop(l);
    cr_assert_eq(p, y, "pop returns the list's reference");
    cr_assert_eq(rc_object_refcount(y), 1);
    rc_decref(p);
    cr_assert_eq(rc_list_clear(l), 0);
    cr_assert_eq(rc_list_size(l), 0);
    cr_assert_eq(rc_object_refcount(x), 1);
    for (long i = 0; i < 1000; i++) {
        rc_object *v = rc_int_new(i);
        cr_assert_eq(rc_list_append(l, v), 0);
        rc_decref(v);
    }
    cr_assert_eq(rc_int_value(rc_list_get(l, 999)), 999);
    rc_decref(x);
    rc_decref(l);
}

Test(types, list_bad_arguments)
{
    rc_object *l = rc_list_new(2), *i = rc_int_new(5);
    cr_assert_eq(rc_list_append(NULL, i), -1);
    cr_assert_eq(ERR(), RC_ERR_ARG);
    cr_assert_eq(rc_list_append(i, i), -1);
    cr_assert_eq(ERR(), RC_ERR_TYPE);
    cr_assert_eq(rc_list_append(l, NULL), -1);
    cr_assert_eq(ERR(), RC_ERR_ARG);
    cr_assert_null(rc_list_get(l, 0));
    cr_assert_eq(ERR(), RC_ERR_INDEX);
    cr_assert_null(rc_list_get(NULL, 0));
    cr_assert_null(rc_list_get(i, 0));
    cr_assert_eq(ERR(), RC_ERR_TYPE);
    /* set steals even on failure */
    rc_incref(i);
    cr_assert_eq(rc_list_set(l, 0, i), -1);
    cr_assert_eq(ERR(), RC_ERR_INDEX);
    cr_assert_eq(rc_object_refcount(i), 1);
    rc_incref(i);
    cr_assert_eq(rc_list_set(NULL, 0, i), -1);
    cr_assert_eq(rc_object_refcount(i), 1);
    rc_incref(i);
    cr_assert_eq(rc_list_set(i, 0, i), -1);
    cr_assert_eq(ERR(), RC_ERR_TYPE);
    cr_assert_eq(rc_object_refcount(i), 1);
    cr_assert_eq(rc_list_set(l, 0, NULL), -1);
    cr_assert_eq(ERR(), RC_ERR_ARG);
    cr_assert_eq(rc_list_size(NULL), 0);
    cr_assert_eq(ERR(), RC_ERR_ARG);
    cr_assert_eq(rc_list_size(i), 0);
    cr_assert_null(rc_list_pop(l));
    cr_assert_eq(ERR(), RC_ERR_INDEX);
    cr_assert_null(rc_list_pop(NULL));
    cr_assert_null(rc_list_pop(i));
    cr_assert_eq(rc_list_clear(NULL), -1);
    cr_assert_eq(rc_list_clear(i), -1);
    cr_assert_eq(ERR(), RC_ERR_TYPE);
    cr_assert_not(rc_list_check(NULL));
    cr_assert_not(rc_list_check(i));
    cr_assert_null(rc_list_new(SIZE_MAX));
    cr_assert_eq(ERR(), RC_ERR_NOMEM);
    rc_decref(i);
    rc_decref(l);
}

Test(types, dict_functions)
{
    rc_object *d = rc_dict_new();
    cr_assert(rc_dict_check(d));
    cr_assert(rc_gc_is_tracked(d));
    rc_object *k1 = rc_int_new(1), *k1b = rc_int_new(1), *v = rc_str_new("one");
    cr_assert_eq(rc_dict_set(d, k1, v), 0);
    cr_assert_eq(rc_object_refcount(k1), 2, "set does not steal the key");
    cr_assert_eq(rc_object_refcount(v), 2, "set does not steal the value");
    cr_assert_eq(rc_dict_get(d, k1b), v, "int keys compare by value");
    cr_assert_eq(rc_object_refcount(v), 2, "get is borrowed");
    cr_assert_eq(rc_dict_set(d, k1b, k1b), 0); /* replace: old value released */
    cr_assert_eq(rc_object_refcount(v), 1);
    cr_assert_eq(rc_dict_size(d), 1);
    cr_assert_eq(rc_dict_set_str(d, "name", v), 0);
    rc_object *name = rc_str_new("name");
    cr_assert_eq(rc_dict_get(d, name), v, "str keys compare by value");
    cr_assert_eq(rc_dict_get_str(d, "name"), v);
    cr_assert_eq(rc_dict_size(d), 2);
    /* many keys: growth, deletion, iteration */
    for (long i = 100; i < 1100; i++) {
        rc_object *k = rc_int_new(i);
        cr_assert_eq(rc_dict_set(d, k, k), 0);
        rc_decref(k);
    }
    for (long i = 100; i < 1100; i += 2) {
        rc_object *k = rc_int_new(i);
        cr_assert_eq(rc_dict_del(d, k), 0);
        rc_decref(k);
    }
    cr_assert_eq(rc_dict_size(d), 502);
    size_t pos = 0, n = 0;
    rc_object *key, *value;
    long sum = 0;
    while (rc_dict_next(d, &pos, &key, &value)) {
        n++;
        if (rc_int_check(key) && rc_int_value(key) >= 100)
            sum += rc_int_value(value);
    }
    cr_assert_eq(n, 502);
    long expect = 0;
    for (long i = 101; i < 1100; i += 2)
        expect += i;
    cr_assert_eq(sum, expect);
    rc_object *t = rc_tuple_pack(2, k1, name);
    cr_assert_eq(rc_dict_set(d, t, v), 0);
    rc_object *t2 = rc_tuple_pack(2, k1b, name);
    cr_assert_eq(rc_dict_get(d, t2), v, "tuple keys compare by items");
    cr_assert_eq(rc_dict_clear(d), 0);
    cr_assert_eq(rc_dict_size(d), 0);
    rc_decref(t), rc_decref(t2), rc_decref(name), rc_decref(v), rc_decref(k1b), rc_decref(k1);
    rc_decref(d);
}

Test(types, dict_bad_arguments)
{
    rc_object *d = rc_dict_new(), *i = rc_int_new(1);
    cr_assert_eq(rc_dict_set(NULL, i, i), -1);
    cr_assert_eq(ERR(), RC_ERR_ARG);
    cr_assert_eq(rc_dict_set(i, i, i), -1);
    cr_assert_eq(ERR(), RC_ERR_TYPE);
    cr_assert_eq(rc_dict_set(d, NULL, i), -1);
    cr_assert_eq(rc_dict_set(d, i, NULL), -1);
    cr_assert_eq(ERR(), RC_ERR_ARG);
    cr_assert_null(rc_dict_get(d, i));
    cr_assert_eq(ERR(), RC_ERR_KEY);
    cr_assert_null(rc_dict_get(NULL, i));
    cr_assert_null(rc_dict_get(d, NULL));
    cr_assert_null(rc_dict_get(i, i));
    cr_assert_eq(ERR(), RC_ERR_TYPE);
    cr_assert_eq(rc_dict_del(d, i), -1);
    cr_assert_eq(ERR(), RC_ERR_KEY);
    cr_assert_eq(rc_dict_del(NULL, i), -1);
    cr_assert_eq(rc_dict_del(d, NULL), -1);
    size_t pos = 0;
    rc_object *k, *v;
    cr_assert_eq(rc_dict_next(d, &pos, &k, &v), 0);
    cr_assert_eq(rc_dict_next(NULL, &pos, &k, &v), 0);
    cr_assert_eq(ERR(), RC_ERR_ARG);
    cr_assert_eq(rc_dict_next(d, NULL, &k, &v), 0);
    cr_assert_eq(ERR(), RC_ERR_ARG);
    cr_assert_eq(rc_dict_next(i, &pos, &k, &v), 0);
    cr_assert_eq(ERR(), RC_ERR_TYPE);
    cr_assert_eq(rc_dict_size(NULL), 0);
    cr_assert_eq(rc_dict_size(i), 0);
    cr_assert_eq(rc_dict_set_str(d, NULL, i), -1);
    cr_assert_eq(rc_dict_set_str(NULL, "a", i), -1);
    cr_assert_eq(rc_dict_set_str(d, "a", NULL), -1);
    cr_assert_null(rc_dict_get_str(d, NULL));
    cr_assert_null(rc_dict_get_str(NULL, "a"));
    cr_assert_null(rc_dict_get_str(d, "a"));
    cr_assert_eq(ERR(), RC_ERR_KEY);
    cr_assert_eq(rc_dict_clear(NULL), -1);
    cr_assert_eq(rc_dict_clear(i), -1);
    cr_assert_not(rc_dict_check(NULL));
    cr_assert_not(rc_dict_check(i));
    rc_decref(i);
    rc_decref(d);
}

Test(types, tuple_functions)
{
    rc_object *a = rc_int_new(1), *b = rc_str_new("b");
    rc_object *t = rc_tuple_new(2);
    cr_assert(rc_tuple_check(t));
    cr_assert_eq(rc_tuple_size(t), 2);
    cr_assert_null(rc_tuple_get(t, 0), "unset slot");
    cr_assert_eq(rc_tuple_set(t, 0, rc_newref(a)), 0);
    cr_assert_eq(rc_object_refcount(a), 2, "set steals");
    cr_assert_eq(rc_tuple_set(t, 0, rc_newref(b)), 0);
    cr_assert_eq(rc_object_refcount(a), 1, "replaced item released");
    cr_assert_eq(rc_tuple_get(t, 0), b);
    rc_object *p = rc_tuple_pack(2, a, b);
    cr_assert_eq(rc_object_refcount(a), 2, "pack increfs");
    cr_assert_eq(rc_tuple_get(p, 1), b);
    rc_object *e = rc_tuple_pack(0);
    cr_assert_eq(rc_tuple_size(e), 0);
    /* failures */
    cr_assert_null(rc_tuple_pack(2, a, (rc_object *)NULL));
    cr_assert_eq(ERR(), RC_ERR_ARG);
    cr_assert_eq(rc_object_refcount(a), 2, "failed pack released its references");
    rc_incref(a);
    cr_assert_eq(rc_tuple_set(t, 5, a), -1);
    cr_assert_eq(ERR(), RC_ERR_INDEX);
    cr_assert_eq(rc_object_refcount(a), 2, "set steals even on failure");
    rc_incref(a);
    cr_assert_eq(rc_tuple_set(NULL, 0, a), -1);
    cr_assert_eq(rc_object_refcount(a), 2);
    rc_incref(a);
    cr_assert_eq(rc_tuple_set(a, 0, a), -1);
    cr_assert_eq(ERR(), RC_ERR_TYPE);
    cr_assert_eq(rc_object_refcount(a), 2);
    cr_assert_eq(rc_tuple_set(t, 0, NULL), -1);
    cr_assert_null(rc_tuple_get(t, 9));
    cr_assert_eq(ERR(), RC_ERR_INDEX);
    cr_assert_null(rc_tuple_get(NULL, 0));
    cr_assert_null(rc_tuple_get(a, 0));
    cr_assert_eq(rc_tuple_size(NULL), 0);
    cr_assert_eq(rc_tuple_size(a), 0);
    cr_assert_eq(ERR(), RC_ERR_TYPE);
    cr_assert_not(rc_tuple_check(NULL));
    cr_assert_null(rc_tuple_new(SIZE_MAX / 4));
    cr_assert_eq(ERR(), RC_ERR_NOMEM);
    rc_decref(e), rc_decref(p), rc_decref(t), rc_decref(b), rc_decref(a);
}

static void churn(void *arg)
{
    (void)arg;
    rc_object *d = rc_dict_new(), *l = rc_list_new(0);
    for (long i = 0; i < 50; i++) {
        rc_object *k = rc_int_new(i), *s = rc_str_new("v");
        rc_object *t = rc_tuple_pack(3, k, s, l);
        rc_dict_set(d, k, t);
        rc_list_append(l, t);
        rc_decref(t), rc_decref(s), rc_decref(k);
    }
    rc_dict_set_str(d, "self", d); /* a cycle for the collector */
    rc_decref(l);
    rc_decref(d);
}

Test(types, containers_do_not_leak)
{
    rc_trace_start(1);
    RC_ASSERT_NO_REFLEAK(churn, NULL);
    rc_trace_stop();
}

typedef struct point {
    RC_OBJECT_HEAD;
    int x, y;
} point;
static const rc_type point_type = { "point", sizeof(point), NULL, NULL, NULL, NULL, 0 };
static size_t point_hash(rc_object *o) { return (size_t)(((point *)o)->x * 31 + ((point *)o)->y); }
static int point_equal(rc_object *a, rc_object *b)
{
    return ((point *)a)->x == ((point *)b)->x && ((point *)a)->y == ((point *)b)->y;
}

static point *new_point(int x, int y)
{
    point *p = RC_NEW(point, &point_type);
    p->x = x;
    p->y = y;
    return p;
}

Test(types, user_key_ops)
{
    rc_object *d = rc_dict_new(), *v = rc_int_new(1);
    point *a = new_point(1, 2), *b = new_point(1, 2);
    cr_assert_eq(rc_dict_set(d, &a->ob_base, v), 0);
    cr_assert_null(rc_dict_get(d, &b->ob_base), "identity before key ops are set");
    cr_assert_eq(rc_type_set_key_ops(&point_type, point_hash, point_equal), 0);
    cr_assert_eq(rc_type_set_key_ops(&point_type, point_hash, point_equal), 0, "re-registering is fine");
    rc_dict_clear(d);
    cr_assert_eq(rc_dict_set(d, &a->ob_base, v), 0);
    cr_assert_eq(rc_dict_get(d, &b->ob_base), v, "equal points are the same key");
    cr_assert(rc_object_equal(&a->ob_base, &b->ob_base));
    cr_assert_eq(rc_type_set_key_ops(NULL, point_hash, point_equal), -1);
    cr_assert_eq(rc_error_last()->klass, RC_ERR_ARG);
    cr_assert_eq(rc_type_set_key_ops(&point_type, NULL, point_equal), -1);
    rc_decref(a), rc_decref(b), rc_decref(v), rc_decref(d);
}

/* The dict against a direct-indexed model under random set/del/get/clear
 * (growth, tombstones and their reuse). */
Test(types, dict_random_operations_match_a_model)
{
    enum { KEYS = 300, OPS = 20000 };
    long model[KEYS]; /* -1: absent */
    for (int i = 0; i < KEYS; i++)
        model[i] = -1;
    rc_object *keys[KEYS];
    for (int i = 0; i < KEYS; i++)
        keys[i] = i % 2 ? rc_int_new(i) : rc_str_new_len((const char *)&i, sizeof(i));
    rc_object *d = rc_dict_new();
    uint64_t r = 12345;
    size_t size = 0;
    for (int op = 0; op < OPS; op++) {
        r = r * 6364136223846793005ull + 1442695040888963407ull;
        int k = (int)((r >> 33) % KEYS), what = (int)((r >> 20) % 16);
        if (what < 8) {
            rc_object *v = rc_int_new(op);
            cr_assert_eq(rc_dict_set(d, keys[k], v), 0);
            rc_decref(v);
            size += model[k] < 0;
            model[k] = op;
        } else if (what < 14) {
            int rc = rc_dict_del(d, keys[k]);
            cr_assert_eq(rc, model[k] < 0 ? -1 : 0);
            size -= model[k] >= 0;
            model[k] = -1;
        } else if (what < 15) {
            rc_object *v = rc_dict_get(d, keys[k]);
            cr_assert_eq(v == NULL, model[k] < 0);
            if (v)
                cr_assert_eq(rc_int_value(v), model[k]);
        } else if (r % 50 == 0) {
            rc_dict_clear(d);
            for (int i = 0; i < KEYS; i++)
                model[i] = -1;
            size = 0;
        }
        cr_assert_eq(rc_dict_size(d), size);
    }
    size_t pos = 0, n = 0;
    rc_object *k, *v;
    while (rc_dict_next(d, &pos, &k, &v))
        n++;
    cr_assert_eq(n, size);
    rc_decref(d);
    for (int i = 0; i < KEYS; i++)
        rc_decref(keys[i]);
}

/*
 * test_object.c - object lifecycle, primitives, finalize/resurrection on
 * the last decref, deep chains, immortal objects, misuse detection and the
 * error API.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <string.h>

#include <rc/rc.h>

typedef struct thing {
    RC_OBJECT_HEAD;
    rc_object *child;
    int *log;
} thing;

static int dealloc_calls, finalize_calls;
static rc_object *resurrect_into; /* a list, or NULL */

static void thing_dealloc(rc_object *self)
{
    thing *t = (thing *)self;
    dealloc_calls++;
    RC_CLEAR(t->child);
}

static void thing_finalize(rc_object *self)
{
    finalize_calls++;
    if (resurrect_into)
        rc_list_append(resurrect_into, self);
}

static const rc_type thing_type = { "thing", sizeof(thing), thing_dealloc, NULL, NULL, NULL, 0 };
static const rc_type fthing_type = { "fthing", sizeof(thing), thing_dealloc, thing_finalize, NULL,
                                     NULL, 0 };

static void reset(void)
{
    dealloc_calls = finalize_calls = 0;
    resurrect_into = NULL;
}

TestSuite(object, .init = reset);

Test(object, new_has_refcount_one_and_zeroed_fields)
{
    size_t live = rc_object_live_count();
    thing *t = RC_NEW(thing, &thing_type);
    cr_assert_not_null(t);
    cr_assert_eq(rc_object_refcount(&t->ob_base), 1);
    cr_assert_eq(rc_object_type(&t->ob_base), &thing_type);
    cr_assert_str_eq(rc_object_type_name(&t->ob_base), "thing");
    cr_assert_null(t->child);
    cr_assert_eq(rc_object_live_count(), live + 1);
    rc_incref(t);
    cr_assert_eq(rc_object_refcount(&t->ob_base), 2);
    rc_decref(t);
    cr_assert_eq(dealloc_calls, 0);
    rc_decref(t);
    cr_assert_eq(dealloc_calls, 1);
    cr_assert_eq(rc_object_live_count(), live);
}

Test(object, x_variants_and_newref)
{
    rc_xincref(NULL);
    rc_xdecref(NULL);
    cr_assert_null(rc_xnewref(NULL));
    rc_object *o = rc_new(&thing_type);
    cr_assert_eq(rc_newref(o), o);
    cr_assert_eq(rc_xnewref(o), o);
    cr_assert_eq(rc_object_refcount(o), 3);
    rc_xdecref(o);
    rc_decref(o);
    rc_decref(o);
    cr_assert_eq(dealloc_calls, 1);
}

Test(object, clear_and_setref_release_after_store)
{
    thing *a = RC_NEW(thing, &thing_type);
    a->child = rc_new(&thing_type);
    RC_CLEAR(a->child);
    cr_assert_null(a->child);
    cr_assert_eq(dealloc_calls, 1);
    RC_CLEAR(a->child); /* NULL: nothing */
    a->child = rc_new(&thing_type);
    RC_SETREF(a->child, rc_new(&thing_type));
    cr_assert_eq(dealloc_calls, 2);
    RC_XSETREF(a->child, NULL);
    cr_assert_eq(dealloc_calls, 3);
    RC_XSETREF(a->child, rc_new(&thing_type));
    rc_decref(a);
    cr_assert_eq(dealloc_calls, 5);
}

Test(object, finalize_runs_once_then_dealloc)
{
    rc_object *o = rc_new(&fthing_type);
    cr_assert_not(rc_gc_is_finalized(o));
    rc_decref(o);
    cr_assert_eq(finalize_calls, 1);
    cr_assert_eq(dealloc_calls, 1);
}

Test(object, finalize_may_resurrect_and_never_runs_twice)
{
    rc_object *keep = rc_list_new(0);
    resurrect_into = keep;
    rc_object *o = rc_new(&fthing_type);
    rc_decref(o);
    cr_assert_eq(finalize_calls, 1);
    cr_assert_eq(dealloc_calls, 0, "resurrected object was destroyed");
    cr_assert_eq(rc_list_get(keep, 0), o);
    cr_assert_eq(rc_object_refcount(o), 1);
    cr_assert(rc_gc_is_finalized(o));
    resurrect_into = NULL;
    rc_list_clear(keep);
    cr_assert_eq(finalize_calls, 1);
    cr_assert_eq(dealloc_calls, 1);
    rc_decref(keep);
}

Test(object, deep_chain_is_freed_without_recursion)
{
    size_t live = rc_object_live_count();
    thing *head = RC_NEW(thing, &thing_type), *p = head;
    for (int i = 0; i < 200000; i++) {
        thing *n = RC_NEW(thing, &thing_type);
        cr_assert_not_null(n);
        p->child = &n->ob_base;
        p = n;
    }
    rc_decref(head);
    cr_assert_eq(dealloc_calls, 200001);
    cr_assert_eq(rc_object_live_count(), live);
}

static rc_object static_thing = RC_STATIC_OBJECT_INIT(&thing_type);

Test(object, immortal_objects_are_never_freed)
{
    size_t live = rc_object_live_count();
    cr_assert(rc_object_is_immortal(&static_thing));
    rc_incref(&static_thing);
    rc_decref(&static_thing);
    rc_decref(&static_thing);
    cr_assert_eq(dealloc_calls, 0);
    rc_object *o = rc_new(&thing_type);
    cr_assert_not(rc_object_is_immortal(o));
    cr_assert_eq(rc_object_make_immortal(o), 0);
    cr_assert(rc_object_is_immortal(o));
    cr_assert_eq(rc_object_live_count(), live);
    rc_decref(o);
    cr_assert_eq(dealloc_calls, 0);
    cr_assert_eq(rc_object_make_immortal(NULL), -1);
    cr_assert_not(rc_object_is_immortal(NULL));
}

Test(object, bad_arguments)
{
    rc_error_clear();
    cr_assert_null(rc_new(NULL));
    cr_assert_eq(rc_error_last()->klass, RC_ERR_ARG);
    static const rc_type too_small = { "tiny", 1, NULL, NULL, NULL, NULL, 0 };
    cr_assert_null(rc_new(&too_small));
    cr_assert_eq(rc_error_last()->klass, RC_ERR_ARG);
    static const rc_type nameless = { NULL, sizeof(thing), NULL, NULL, NULL, NULL, 0 };
    cr_assert_null(rc_new(&nameless));
    cr_assert_null(rc_new_var(&thing_type, SIZE_MAX));
    cr_assert_eq(rc_object_refcount(NULL), -1);
    cr_assert_null(rc_object_type(NULL));
    cr_assert_str_eq(rc_object_type_name(NULL), "NULL");
    cr_assert_not(rc_object_is(NULL, &thing_type));
    cr_assert_eq(rc_object_block_size(NULL, 0), 0);
    cr_assert_eq(rc_object_hash(NULL), 0);
    cr_assert(rc_object_equal(NULL, NULL));
}

Test(object, block_sizes_and_var_objects)
{
    cr_assert_eq(rc_object_block_size(&thing_type, 0), sizeof(thing));
    cr_assert_eq(rc_object_block_size(&fthing_type, 0), sizeof(thing) + 16);
    cr_assert_eq(rc_object_block_size(&rc_list_type, 0), rc_list_type.size + 16);
    rc_object *v = rc_new_var(&thing_type, 100);
    cr_assert_not_null(v);
    memset((char *)v + sizeof(thing), 'x', 100);
    rc_decref(v);
}

Test(object, hash_and_equal)
{
    rc_object *a = rc_int_new(7), *b = rc_int_new(7), *c = rc_int_new(8);
    rc_object *t = rc_new(&thing_type), *u = rc_new(&thing_type);
    cr_assert(rc_object_equal(a, b));
    cr_assert_not(rc_object_equal(a, c));
    cr_assert_eq(rc_object_hash(a), rc_object_hash(b));
    cr_assert(rc_object_equal(t, t));
    cr_assert_not(rc_object_equal(t, u));
    cr_assert_not(rc_object_equal(a, t));
    rc_decref(a), rc_decref(b), rc_decref(c), rc_decref(t), rc_decref(u);
}

Test(object, error_api)
{
    rc_error_clear();
    cr_assert_eq(rc_error_last()->klass, RC_ERR_NONE);
    cr_assert_str_eq(rc_error_last()->message, "");
    rc_error_set(RC_ERR_USER, "bad %d\nsecond line", 42);
    cr_assert_eq(rc_error_last()->klass, RC_ERR_USER);
    cr_assert_str_eq(rc_error_last()->message, "bad 42");
    cr_assert_str_eq(rc_error_class_name(RC_ERR_NOMEM), "nomem");
    cr_assert_str_eq(rc_error_class_name((rc_error_class)99), "?");
    rc_object *o = rc_int_new(1);
    rc_decref(o);
    cr_assert_eq(rc_error_last()->klass, RC_ERR_USER, "success must not clear the error");
    rc_error_clear();
    cr_assert_eq(rc_error_last()->klass, RC_ERR_NONE);
}

#ifdef RC_DEBUG
Test(object, decref_below_zero_aborts, .signal = SIGABRT)
{
    rc_object *o = rc_new(&thing_type);
    rc_decref(o);
    rc_decref(o); /* freed object: caught through the quarantine */
}

Test(object, incref_of_freed_aborts, .signal = SIGABRT)
{
    rc_object *o = rc_int_new(3);
    rc_decref(o);
    rc_incref(o);
}

Test(object, api_use_of_freed_aborts, .signal = SIGABRT)
{
    rc_object *l = rc_list_new(0);
    rc_decref(l);
    rc_list_size(l);
}

Test(object, decref_during_dealloc_aborts, .signal = SIGABRT)
{
    static const rc_type self_release = { "self_release", sizeof(thing), NULL, NULL, NULL, NULL, 0 };
    rc_object o = { 0, &self_release };
    rc_decref(&o); /* count 0: released too many times */
}
#endif

Test(object, allocation_failure_is_clean)
{
    rc_alloc_fail_at(1, 0);
    cr_assert_null(rc_new(&thing_type));
    cr_assert_eq(rc_error_last()->klass, RC_ERR_NOMEM);
    cr_assert_eq(rc_alloc_failures(), 1);
    rc_object *o = rc_new(&thing_type);
    cr_assert_not_null(o);
    rc_decref(o);
    rc_alloc_fail_at(0, 0);
    cr_assert_gt(rc_alloc_count(), 0);
}

static void *my_alloc(size_t n, const char *file, int line, void *arg)
{
    (void)file, (void)line;
    ++*(int *)arg;
    return malloc(n);
}
static void *my_realloc(void *p, size_t n, const char *file, int line, void *arg)
{
    (void)file, (void)line;
    ++*(int *)arg;
    return realloc(p, n);
}
static void my_free(void *p, void *arg)
{
    --*(int *)arg;
    free(p);
}

Test(object, custom_allocator)
{
    int balance = 0;
    rc_allocator a = { my_alloc, my_realloc, my_free, &balance };
    rc_allocator_set(&a);
    rc_object *l = rc_list_new(4);
    rc_object *i = rc_int_new(1);
    rc_list_append(l, i);
    rc_decref(i);
    void *buf = rc_mem_alloc(10);
    cr_assert_not_null(buf);
    buf = rc_mem_realloc(buf, 20);
    rc_mem_free(buf);
    rc_decref(l);
    rc_allocator_set(NULL);
#ifndef RC_DEBUG
    cr_assert_eq(balance, 1, "realloc counted once, frees balanced");
#endif
    cr_assert_null(rc_mem_alloc(0));
    cr_assert_eq(rc_error_last()->klass, RC_ERR_ARG);
    rc_mem_free(NULL);
}

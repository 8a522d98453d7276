/*
 * test_weakref.c - weak references: zeroing on the last decref and in the
 * collector (before finalizers), callbacks, bad arguments.
 */
#include <criterion/criterion.h>

#include <rc/rc.h>

typedef struct node {
    RC_OBJECT_HEAD;
    rc_object *a;
    rc_object *wr; /* a weak reference to someone, owned */
} node;

static int finalized;
static int target_alive_in_finalizer = -1;

static int node_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((node *)self)->a);
    RC_VISIT(((node *)self)->wr);
    return 0;
}
static void node_clear(rc_object *self)
{
    RC_CLEAR(((node *)self)->a);
    RC_CLEAR(((node *)self)->wr);
}
static void node_finalize(rc_object *self)
{
    node *n = (node *)self;
    finalized++;
    if (n->wr)
        target_alive_in_finalizer = rc_weakref_is_alive(n->wr);
}
static const rc_type node_type = { "node", sizeof(node), node_clear, NULL, node_traverse, node_clear, 0 };
static const rc_type fnode_type = { "fnode", sizeof(node), node_clear, node_finalize, node_traverse,
                                    node_clear, 0 };
static const rc_type plain_type = { "plain", sizeof(node), node_clear, NULL, NULL, NULL, RC_TYPE_WEAKREF };

typedef struct cb_log {
    int calls;
    rc_object *last;
    int alive;
} cb_log;

static void on_death(rc_object *ref, void *arg)
{
    cb_log *log = arg;
    log->calls++;
    log->last = ref;
    log->alive = rc_weakref_is_alive(ref);
}

TestSuite(weakref, .init = rc_gc_disable);

Test(weakref, cleared_on_last_decref_with_callback)
{
    size_t live = rc_object_live_count();
    cb_log log = { 0 };
    rc_object *t = rc_new(&node_type);
    rc_object *w1 = rc_weakref_new(t, on_death, &log);
    rc_object *w2 = rc_weakref_new(t, NULL, NULL);
    cr_assert(rc_weakref_check(w1));
    cr_assert_eq(rc_object_refcount(t), 1, "weak references do not own");
    cr_assert_eq(rc_weakref_count(t), 2);
    rc_object *got = rc_weakref_get(w1);
    cr_assert_eq(got, t);
    cr_assert_eq(rc_object_refcount(t), 2, "get returns a new reference");
    rc_decref(got);
    cr_assert_eq(rc_weakref_is_alive(w2), 1);
    rc_decref(t);
    cr_assert_eq(log.calls, 1);
    cr_assert_eq(log.last, w1);
    cr_assert_eq(log.alive, 0, "cleared before the callback");
    cr_assert_null(rc_weakref_get(w1));
    cr_assert_eq(rc_error_last()->klass == RC_ERR_NONE || 1, 1);
    cr_assert_eq(rc_weakref_is_alive(w2), 0);
    rc_decref(w1);
    rc_decref(w2);
    cr_assert_eq(rc_object_live_count(), live);
}

Test(weakref, dying_weakref_unlinks_itself)
{
    rc_object *t = rc_new(&plain_type);
    rc_object *w1 = rc_weakref_new(t, NULL, NULL);
    rc_object *w2 = rc_weakref_new(t, NULL, NULL);
    rc_object *w3 = rc_weakref_new(t, NULL, NULL);
    rc_decref(w2);
    cr_assert_eq(rc_weakref_count(t), 2);
    rc_decref(w3);
    rc_decref(w1);
    cr_assert_eq(rc_weakref_count(t), 0);
    rc_decref(t);
}

Test(weakref, collector_clears_before_finalizers)
{
    size_t live = rc_object_live_count();
    cb_log log = { 0 };
    node *x = RC_NEW(node, &fnode_type), *y = RC_NEW(node, &node_type);
    x->a = rc_newref(y);
    y->a = rc_newref(x);
    x->wr = rc_weakref_new(&y->ob_base, NULL, NULL); /* garbage points weakly into garbage */
    rc_object *outside = rc_weakref_new(&x->ob_base, on_death, &log);
    rc_decref(x);
    rc_decref(y);
    cr_assert_eq(rc_gc_collect(2), 2);
    cr_assert_eq(finalized, 1);
    cr_assert_eq(target_alive_in_finalizer, 0, "weakrefs to garbage are cleared before finalizers");
    cr_assert_eq(log.calls, 1);
    cr_assert_eq(rc_weakref_is_alive(outside), 0);
    rc_decref(outside);
    cr_assert_eq(rc_object_live_count(), live);
}

Test(weakref, cache_of_weak_values_does_not_keep_objects)
{
    rc_object *cache = rc_dict_new();
    rc_object *v = rc_list_new(0);
    rc_object *w = rc_weakref_new(v, NULL, NULL);
    rc_dict_set_str(cache, "v", w);
    rc_decref(w);
    rc_object *got = rc_weakref_get(rc_dict_get_str(cache, "v"));
    cr_assert_eq(got, v);
    rc_decref(got);
    rc_decref(v);
    cr_assert_null(rc_weakref_get(rc_dict_get_str(cache, "v")));
    rc_decref(cache);
}

Test(weakref, bad_arguments)
{
    rc_object *i = rc_int_new(1);
    cr_assert_null(rc_weakref_new(NULL, NULL, NULL));
    cr_assert_eq(rc_error_last()->klass, RC_ERR_ARG);
    cr_assert_null(rc_weakref_new(i, NULL, NULL));
    cr_assert_eq(rc_error_last()->klass, RC_ERR_TYPE);
    cr_assert_null(rc_weakref_get(NULL));
    cr_assert_eq(rc_error_last()->klass, RC_ERR_ARG);
    cr_assert_null(rc_weakref_get(i));
    cr_assert_eq(rc_error_last()->klass, RC_ERR_TYPE);
    cr_assert_eq(rc_weakref_is_alive(NULL), -1);
    cr_assert_eq(rc_weakref_is_alive(i), -1);
    cr_assert_eq(rc_weakref_count(NULL), 0);
    cr_assert_eq(rc_weakref_count(i), 0);
    cr_assert_not(rc_weakref_check(NULL));
    cr_assert_not(rc_weakref_check(i));
    rc_decref(i);
}

/*
 * test_gc.c - the collector's semantics and its control API: collection
 * results, generations and thresholds, statistics, callbacks, debug flags
 * and garbage, uncollectable cycles, finalizers and resurrection, freeze,
 * tracking, referrers/referents, safe points, reentrancy.
 */
#include <criterion/criterion.h>
#include <signal.h>

#include <rc/rc.h>

typedef struct node {
    RC_OBJECT_HEAD;
    rc_object *a;
    rc_object *b;
} node;

static int finalized, nested_result = 1;
static rc_object *resurrect_into;

static int node_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    node *n = (node *)self;
    RC_VISIT(n->a);
    RC_VISIT(n->b);
    return 0;
}
static void node_clear(rc_object *self)
{
    node *n = (node *)self;
    RC_CLEAR(n->a);
    RC_CLEAR(n->b);
}
static void node_finalize(rc_object *self)
{
    finalized++;
    nested_result = (int)rc_gc_collect(0);
    if (resurrect_into)
        rc_list_append(resurrect_into, self);
}
static int bad_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    node *n = (node *)self;
    RC_VISIT(n->a);
    RC_VISIT(n->a); /* visits a reference it does not own */
    return 0;
}

static const rc_type node_type = { "node", sizeof(node), node_clear, NULL, node_traverse, node_clear, 0 };
static const rc_type fnode_type = { "fnode", sizeof(node), node_clear, node_finalize, node_traverse,
                                    node_clear, 0 };
static const rc_type noclear_type = { "noclear", sizeof(node), node_clear, NULL, node_traverse, NULL, 0 };
static const rc_type bad_type = { "bad", sizeof(node), node_clear, NULL, bad_traverse, node_clear, 0 };

static node *mk(const rc_type *t) { return RC_NEW(node, t); }

/* Two nodes referring to each other; no reference is kept. */
static void make_pair(const rc_type *t)
{
    node *x = mk(t), *y = mk(t);
    x->a = rc_newref(y);
    y->a = rc_newref(x);
    rc_decref(x);
    rc_decref(y);
}

static size_t live0;
static void start(void)
{
    rc_gc_disable();
    rc_gc_collect(2);
    live0 = rc_object_live_count();
    finalized = 0;
    resurrect_into = NULL;
}
TestSuite(gc, .init = start);

Test(gc, pairs_and_ring_are_collected)
{
    for (int i = 0; i < 500; i++)
        make_pair(&node_type);
    node *first = mk(&node_type), *prev = first;
    for (int i = 0; i < 999; i++) {
        node *n = mk(&node_type);
        prev->a = rc_newref(n);
        rc_decref(n);
        prev = n;
    }
    prev->a = &first->ob_base; /* ring closed with our reference */
    cr_assert_eq(rc_object_live_count(), live0 + 2000);
    cr_assert_eq(rc_gc_collect(2), 2000);
    cr_assert_eq(rc_object_live_count(), live0);
    cr_assert_eq(rc_gc_collect(2), 0);
}

Test(gc, live_tree_survives)
{
    enum { N = 1023 };
    node *nodes[N];
    for (int i = 0; i < N; i++)
        nodes[i] = mk(&node_type);
    for (int i = 0; i < N; i++) {
        if (2 * i + 1 < N)
            nodes[i]->a = rc_newref(nodes[2 * i + 1]);
        if (2 * i + 2 < N)
            nodes[i]->b = rc_newref(nodes[2 * i + 2]);
    }
    for (int i = 1; i < N; i++)
        rc_decref(nodes[i]);
    cr_assert_eq(rc_gc_collect(2), 0);
    cr_assert_eq(rc_object_live_count(), live0 + N);
    cr_assert(rc_gc_is_tracked(&nodes[N - 1]->ob_base));
    rc_decref(nodes[0]);
    cr_assert_eq(rc_object_live_count(), live0);
}

Test(gc, cycle_reachable_from_untracked_object_survives)
{
    static const rc_type holder_type = { "holder", sizeof(node), node_clear, NULL, NULL, NULL, 0 };
    node *h = mk(&holder_type);
    make_pair(&node_type);
    node *x = mk(&node_type);
    x->a = rc_newref(x);
    h->a = &x->ob_base; /* an untracked object holds the cycle */
    cr_assert_eq(rc_gc_collect(2), 2, "only the unheld pair is garbage");
    cr_assert_eq(rc_object_live_count(), live0 + 2);
    rc_decref(h);
    cr_assert_eq(rc_gc_collect(2), 1);
    cr_assert_eq(rc_object_live_count(), live0);
}

typedef struct big {
    RC_OBJECT_HEAD;
    rc_object *a;
    char payload[1000]; /* larger than any pool class */
} big;
static int big_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((big *)self)->a);
    return 0;
}
static void big_clear(rc_object *self) { RC_CLEAR(((big *)self)->a); }
static const rc_type big_type = { "big", sizeof(big), big_clear, NULL, big_traverse, big_clear, 0 };

Test(gc, large_objects_in_garbage)
{
    /* big -> node -> big: the node's dealloc releases the big object after
     * the big object's own dealloc ran, in whatever order they are freed. */
    for (int order = 0; order < 2; order++) {
        big *b = RC_NEW(big, &big_type);
        node *n = mk(&node_type);
        if (order == 0) {
            b->a = rc_newref(n);
            n->a = rc_newref(b);
        } else {
            n->a = rc_newref(b);
            b->a = rc_newref(n);
        }
        rc_decref(b);
        rc_decref(n);
        rc_object *t = rc_tuple_new(300); /* a large tuple in the same garbage */
        rc_tuple_set(t, 0, rc_newref(t));
        rc_decref(t);
        cr_assert_eq(rc_gc_collect(2), 3);
    }
    cr_assert_eq(rc_object_live_count(), live0);
}

Test(gc, bad_generation)
{
    cr_assert_eq(rc_gc_collect(-1), -1);
    cr_assert_eq(rc_error_last()->klass, RC_ERR_ARG);
    cr_assert_eq(rc_gc_collect(RC_GC_GENERATIONS), -1);
    cr_assert_eq(rc_gc_get_count(3), -1);
    cr_assert_eq(rc_gc_get_threshold(-1), -1);
    cr_assert_eq(rc_gc_set_threshold(3, 5), -1);
    cr_assert_eq(rc_gc_set_threshold(0, -5), -1);
    rc_gc_stats st;
    cr_assert_eq(rc_gc_get_stats(&st, 7), -1);
    cr_assert_eq(rc_gc_get_stats(NULL, 0), -1);
    cr_assert_null(rc_gc_get_objects(9));
    cr_assert_eq(rc_error_last()->klass, RC_ERR_ARG);
}

Test(gc, enable_disable)
{
    cr_assert_not(rc_gc_is_enabled());
    rc_gc_enable();
    cr_assert(rc_gc_is_enabled());
    rc_gc_disable();
    cr_assert_not(rc_gc_is_enabled());
    cr_assert_not(rc_gc_is_collecting());
}

Test(gc, counts_and_thresholds)
{
    cr_assert_eq(rc_gc_get_threshold(0), 2000);
    cr_assert_eq(rc_gc_get_threshold(1), 10);
    cr_assert_eq(rc_gc_get_threshold(2), 10);
    cr_assert_eq(rc_gc_set_threshold(0, 50), 0);
    cr_assert_eq(rc_gc_get_threshold(0), 50);
    long c0 = rc_gc_get_count(0);
    rc_object *l = rc_list_new(0);
    cr_assert_eq(rc_gc_get_count(0), c0 + 1);
    rc_object *i = rc_int_new(1);
    cr_assert_eq(rc_gc_get_count(0), c0 + 1, "untracked objects do not count");
    rc_decref(i);
    rc_decref(l);
    cr_assert_eq(rc_gc_get_count(0), c0);
    long c1 = rc_gc_get_count(1);
    rc_gc_collect(0);
    cr_assert_eq(rc_gc_get_count(0), 0);
    cr_assert_eq(rc_gc_get_count(1), c1 + 1);
    rc_gc_collect(1);
    cr_assert_eq(rc_gc_get_count(1), 0);
}

Test(gc, automatic_collection_from_allocation)
{
    rc_gc_set_threshold(0, 100);
    rc_gc_enable();
    rc_gc_stats before, after;
    rc_gc_get_stats(&before, 0);
    for (int i = 0; i < 5000; i++)
        make_pair(&node_type);
    rc_gc_get_stats(&after, 0);
    cr_assert_gt(after.collections, before.collections + 10);
    cr_assert_lt(rc_object_live_count(), live0 + 300, "garbage was collected automatically");
    rc_gc_stats g1, g2;
    rc_gc_get_stats(&g1, 1);
    rc_gc_get_stats(&g2, 2);
    cr_assert_gt(g1.collections, 0, "older generations are collected too");
    rc_gc_disable();
    rc_gc_collect(2);
    cr_assert_eq(rc_object_live_count(), live0);
    (void)g2;
}

Test(gc, threshold_zero_disables_automatic_collection)
{
    rc_gc_set_threshold(0, 0);
    rc_gc_enable();
    rc_gc_stats before, after;
    rc_gc_get_stats(&before, 0);
    for (int i = 0; i < 3000; i++)
        make_pair(&node_type);
    rc_gc_get_stats(&after, 0);
    cr_assert_eq(after.collections, before.collections);
    cr_assert_eq(rc_gc_collect(2), 6000);
}

Test(gc, stats)
{
    rc_gc_stats st0, st;
    rc_gc_get_stats(&st0, 2);
    for (int i = 0; i < 10; i++)
        make_pair(&node_type);
    rc_object *keep = rc_list_new(0);
    cr_assert_eq(rc_gc_collect(2), 20);
    rc_gc_get_stats(&st, 2);
    cr_assert_eq(st.collections, st0.collections + 1);
    cr_assert_eq(st.collected, st0.collected + 20);
    cr_assert_eq(st.uncollectable, st0.uncollectable);
    cr_assert_geq(st.candidates, st0.candidates + 21);
    cr_assert_geq(st.duration, st0.duration);
    rc_decref(keep);
}

typedef struct cb_log {
    int starts, stops;
    rc_gc_info last;
} cb_log;

static void record(rc_gc_phase phase, const rc_gc_info *info, void *arg)
{
    cb_log *log = arg;
    if (phase == RC_GC_START) {
        cr_assert_eq(log->starts, log->stops);
        cr_assert_eq(info->collected, 0);
        log->starts++;
    } else {
        log->stops++;
    }
    log->last = *info;
    cr_assert(rc_gc_is_collecting());
}

Test(gc, callbacks)
{
    cb_log log = { 0 };
    cr_assert_eq(rc_gc_callback_add(record, &log), 0);
    make_pair(&node_type);
    rc_gc_collect(1);
    cr_assert_eq(log.starts, 1);
    cr_assert_eq(log.stops, 1);
    cr_assert_eq(log.last.generation, 1);
    cr_assert_eq(log.last.collected, 2);
    cr_assert_eq(log.last.uncollectable, 0);
    cr_assert_geq(log.last.candidates, 2);
    cr_assert_eq(rc_gc_callback_remove(record, &log), 0);
    rc_gc_collect(0);
    cr_assert_eq(log.starts, 1);
    cr_assert_eq(rc_gc_callback_remove(record, &log), -1);
    cr_assert_eq(rc_error_last()->klass, RC_ERR_KEY);
    cr_assert_eq(rc_gc_callback_add(NULL, NULL), -1);
    cr_assert_eq(rc_error_last()->klass, RC_ERR_ARG);
}

Test(gc, saveall_keeps_garbage)
{
    rc_gc_set_debug(RC_GC_DEBUG_SAVEALL);
    cr_assert_eq(rc_gc_get_debug(), RC_GC_DEBUG_SAVEALL);
    make_pair(&node_type);
    cr_assert_eq(rc_gc_collect(2), 2);
    rc_object *garbage = rc_gc_garbage();
    cr_assert_eq(rc_list_size(garbage), 2);
    cr_assert_eq(rc_object_live_count(), live0 + 2);
    rc_gc_set_debug(0);
    rc_list_clear(garbage);
    cr_assert_eq(rc_gc_collect(2), 2);
    cr_assert_eq(rc_object_live_count(), live0);
    cr_assert(rc_object_is_immortal(garbage), "the garbage list itself is not a leak");
}

Test(gc, uncollectable_cycle_goes_to_garbage)
{
    rc_gc_set_debug(RC_GC_DEBUG_UNCOLLECTABLE | RC_GC_DEBUG_STATS);
    make_pair(&noclear_type);
    cr_assert_eq(rc_gc_collect(2), 2);
    rc_gc_stats st;
    rc_gc_get_stats(&st, 2);
    cr_assert_eq(st.uncollectable, 2);
    rc_object *garbage = rc_gc_garbage();
    cr_assert_eq(rc_list_size(garbage), 2);
    rc_gc_set_debug(0);
    /* Break the cycle by hand, then let the garbage list go. */
    node_clear(rc_list_get(garbage, 0));
    rc_list_clear(garbage);
    cr_assert_eq(rc_object_live_count(), live0);
}

Test(gc, mixed_cycle_with_one_clear_is_collected)
{
    node *x = mk(&noclear_type), *y = mk(&node_type);
    x->a = rc_newref(y);
    y->a = rc_newref(x);
    rc_decref(x);
    rc_decref(y);
    cr_assert_eq(rc_gc_collect(2), 2);
    cr_assert_eq(rc_list_size(rc_gc_garbage()), 0);
    cr_assert_eq(rc_object_live_count(), live0);
}

Test(gc, finalizers_run_once_on_garbage)
{
    make_pair(&fnode_type);
    cr_assert_eq(rc_gc_collect(2), 2);
    cr_assert_eq(finalized, 2);
    cr_assert_eq(nested_result, -1, "a collection inside a finalizer is refused");
    cr_assert_eq(rc_object_live_count(), live0);
}

Test(gc, resurrection_keeps_what_the_resurrected_reach)
{
    rc_object *keep = rc_list_new(0);
    resurrect_into = keep;
    node *x = mk(&fnode_type), *y = mk(&node_type);
    x->a = rc_newref(y);
    y->a = rc_newref(x);
    rc_decref(x);
    rc_decref(y);
    cr_assert_eq(rc_gc_collect(2), 0, "resurrected objects are not counted");
    cr_assert_eq(finalized, 1);
    cr_assert_eq(rc_list_size(keep), 1);
    cr_assert_eq(rc_object_live_count(), live0 + 3);
    cr_assert(rc_gc_is_finalized(&x->ob_base));
    cr_assert_eq(y->a, &x->ob_base, "survivors were not cleared");
    resurrect_into = NULL;
    rc_list_clear(keep);
    cr_assert_eq(rc_gc_collect(2), 2);
    cr_assert_eq(finalized, 1, "finalizers never run twice");
    rc_decref(keep);
    cr_assert_eq(rc_object_live_count(), live0);
}

Test(gc, freeze_hides_objects_from_collections)
{
    make_pair(&node_type);
    rc_gc_freeze();
    cr_assert_geq(rc_gc_get_freeze_count(), 2);
    cr_assert_eq(rc_gc_collect(2), 0);
    rc_gc_unfreeze();
    cr_assert_eq(rc_gc_get_freeze_count(), 0);
    cr_assert_eq(rc_gc_collect(2), 2);
}

Test(gc, tracking)
{
    rc_object *l = rc_list_new(0), *i = rc_int_new(1);
    cr_assert(rc_gc_is_tracked(l));
    cr_assert_not(rc_gc_is_tracked(i));
    cr_assert_not(rc_gc_is_tracked(NULL));
    cr_assert_eq(rc_gc_untrack(l), 0);
    cr_assert_not(rc_gc_is_tracked(l));
    cr_assert_eq(rc_gc_untrack(l), 0, "idempotent");
    cr_assert_eq(rc_gc_track(l), 0);
    cr_assert_eq(rc_gc_track(l), 0, "idempotent");
    cr_assert(rc_gc_is_tracked(l));
    cr_assert_eq(rc_gc_track(i), -1);
    cr_assert_eq(rc_error_last()->klass, RC_ERR_TYPE);
    cr_assert_eq(rc_gc_untrack(NULL), -1);
    cr_assert_eq(rc_error_last()->klass, RC_ERR_ARG);
    cr_assert_not(rc_gc_is_finalized(NULL));
    cr_assert_not(rc_gc_is_finalized(i));
    rc_decref(i);
    rc_decref(l);
}

static int list_contains(rc_object *list, rc_object *o)
{
    for (size_t k = 0; k < rc_list_size(list); k++)
        if (rc_list_get(list, k) == o)
            return 1;
    return 0;
}

Test(gc, referrers_referents_objects)
{
    rc_object *x = rc_int_new(5), *l = rc_list_new(0), *d = rc_dict_new();
    rc_list_append(l, x);
    rc_dict_set(d, x, l);
    rc_object *r = rc_gc_get_referrers(x);
    cr_assert_eq(rc_list_size(r), 2);
    cr_assert(list_contains(r, l) && list_contains(r, d));
    rc_object *e = rc_gc_get_referents(d);
    cr_assert_eq(rc_list_size(e), 2);
    cr_assert(list_contains(e, x) && list_contains(e, l));
    rc_object *none = rc_gc_get_referents(x);
    cr_assert_eq(rc_list_size(none), 0);
    rc_object *all = rc_gc_get_objects(-1);
    cr_assert(list_contains(all, l) && list_contains(all, d) && !list_contains(all, x));
    rc_object *g0 = rc_gc_get_objects(0);
    cr_assert(list_contains(g0, l));
    rc_gc_collect(0);
    rc_object *g1 = rc_gc_get_objects(1);
    cr_assert(list_contains(g1, l), "survivors move to the next generation");
    cr_assert_null(rc_gc_get_referrers(NULL));
    cr_assert_null(rc_gc_get_referents(NULL));
    rc_decref(g1), rc_decref(g0), rc_decref(all), rc_decref(none), rc_decref(e), rc_decref(r);
    rc_decref(d), rc_decref(l), rc_decref(x);
}

Test(gc, safepoint_mode_postpones_collections)
{
    rc_gc_set_threshold(0, 10);
    rc_gc_set_safepoint_mode(1);
    rc_gc_enable();
    cr_assert_eq(rc_gc_safepoint(), 0, "nothing due yet");
    rc_gc_stats before, after;
    rc_gc_get_stats(&before, 0);
    for (int i = 0; i < 20; i++)
        make_pair(&node_type);
    rc_gc_get_stats(&after, 0);
    cr_assert_eq(after.collections, before.collections, "no collection inside rc_new");
    cr_assert_gt(rc_gc_safepoint(), 0);
    rc_gc_set_safepoint_mode(0);
    rc_gc_disable();
    rc_gc_collect(2);
    cr_assert_eq(rc_object_live_count(), live0);
}

Test(gc, automatic_collection_keeps_the_callers_error)
{
    rc_gc_set_threshold(0, 5);
    rc_gc_enable();
    rc_error_set(RC_ERR_USER, "mine");
    for (int i = 0; i < 50; i++)
        make_pair(&node_type);
    cr_assert_eq(rc_error_last()->klass, RC_ERR_USER);
    cr_assert_str_eq(rc_error_last()->message, "mine");
}

Test(gc, traverse_visiting_a_foreign_reference_aborts, .signal = SIGABRT)
{
    node *x = mk(&bad_type);
    x->a = rc_new(&node_type);
    rc_gc_collect(2);
}

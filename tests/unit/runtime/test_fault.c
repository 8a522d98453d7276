/*
 * test_fault.c - fault injection: each API scenario is re-run with the
 * 1st, 2nd, 3rd ... allocation failing (tests/support/fault.c); every run
 * must succeed or fail cleanly with NULL/-1 and RC_ERR_NOMEM, and leave no
 * object alive.
 */
#include <criterion/criterion.h>

#include <rc/rc.h>

#include "fault.h"

/* The scenarios follow the goto-cleanup shape the runtime documents. */

static int build_index(void *arg)
{
    (void)arg;
    int rc = -1;
    rc_object *d = NULL, *l = NULL, *k = NULL, *v = NULL, *t = NULL, *s = NULL;
    if ((d = rc_dict_new()) == NULL || (l = rc_list_new(2)) == NULL)
        goto cleanup;
    for (long i = 0; i < 20; i++) {
        if ((k = rc_int_new(i)) == NULL || (v = rc_str_new("value")) == NULL)
            goto cleanup;
        if ((s = rc_str_concat(v, v)) == NULL || (t = rc_tuple_pack(3, k, v, s)) == NULL)
            goto cleanup;
        if (rc_dict_set(d, k, t) < 0 || rc_list_append(l, t) < 0 || rc_dict_set_str(d, "last", t) < 0)
            goto cleanup;
        RC_CLEAR(k);
        RC_CLEAR(v);
        RC_CLEAR(s);
        RC_CLEAR(t);
    }
    if (rc_dict_set_str(d, "list", l) < 0 || rc_list_append(l, d) < 0) /* a cycle */
        goto cleanup;
    rc = 0;
cleanup:
    rc_xdecref(k), rc_xdecref(v), rc_xdecref(s), rc_xdecref(t), rc_xdecref(l), rc_xdecref(d);
    return rc;
}

static int list_ops(void *arg)
{
    (void)arg;
    int rc = -1;
    rc_object *l = rc_list_new(0), *x = NULL, *p = NULL;
    if (l == NULL)
        return -1;
    for (long i = 0; i < 100; i++) {
        if ((x = rc_int_new(i)) == NULL || rc_list_append(l, x) < 0)
            goto cleanup;
        RC_CLEAR(x);
    }
    if ((x = rc_int_new(-1)) == NULL)
        goto cleanup;
    if (rc_list_set(l, 5, x) < 0) { /* stolen */
        x = NULL;
        goto cleanup;
    }
    x = NULL;
    if ((p = rc_list_pop(l)) == NULL)
        goto cleanup;
    rc = 0;
cleanup:
    rc_xdecref(p), rc_xdecref(x), rc_decref(l);
    return rc;
}

static int tuples(void *arg)
{
    (void)arg;
    int rc = -1;
    rc_object *t = rc_tuple_new(3), *a = NULL;
    if (t == NULL)
        return -1;
    for (size_t i = 0; i < 3; i++) {
        if ((a = rc_str_new("x")) == NULL)
            goto cleanup;
        rc_tuple_set(t, i, a); /* steals */
        a = NULL;
    }
    rc_object *p = rc_tuple_pack(2, t, t);
    if (p == NULL)
        goto cleanup;
    rc_decref(p);
    rc = 0;
cleanup:
    rc_decref(t);
    return rc;
}

static int gc_listings(void *arg)
{
    (void)arg;
    int rc = -1;
    rc_object *l = rc_list_new(0), *x = rc_int_new(3), *r = NULL, *e = NULL, *o = NULL;
    if (l == NULL || x == NULL || rc_list_append(l, x) < 0)
        goto cleanup;
    if ((r = rc_gc_get_referrers(x)) == NULL || (e = rc_gc_get_referents(l)) == NULL ||
        (o = rc_gc_get_objects(-1)) == NULL)
        goto cleanup;
    rc = 0;
cleanup:
    rc_xdecref(o), rc_xdecref(e), rc_xdecref(r), rc_xdecref(x), rc_xdecref(l);
    return rc;
}

static int weakrefs(void *arg)
{
    (void)arg;
    int rc = -1;
    rc_object *target = rc_dict_new(), *w = NULL, *cache = NULL;
    if (target == NULL || (cache = rc_dict_new()) == NULL)
        goto cleanup;
    if ((w = rc_weakref_new(target, NULL, NULL)) == NULL || rc_dict_set_str(cache, "t", w) < 0)
        goto cleanup;
    rc = 0;
cleanup:
    rc_xdecref(w), rc_xdecref(cache), rc_xdecref(target);
    return rc;
}

static void fault_cb(rc_gc_phase phase, const rc_gc_info *info, void *arg)
{
    (void)phase, (void)info;
    ++*(int *)arg;
}

static int gc_callbacks(void *arg)
{
    (void)arg;
    static int calls;
    if (rc_gc_callback_add(fault_cb, &calls) < 0)
        return -1;
    int rc = -1;
    rc_object *l = rc_list_new(0);
    if (l != NULL && rc_list_append(l, l) == 0)
        rc = 0;
    rc_xdecref(l);
    rc_gc_collect(2);
    rc_gc_callback_remove(fault_cb, &calls);
    return rc;
}

static void check(rc_fault_scenario fn, const char *name, int persistent)
{
    rc_fault_report r;
    int rc = rc_fault_run(&r, fn, NULL, 10000, persistent);
    cr_assert_eq(rc, 0, "%s: %s", name, r.problem);
    cr_assert_gt(r.failed_runs, 0, "%s: no run failed: the scenario allocates nothing?", name);
}

TestSuite(fault, .init = rc_gc_disable);

Test(fault, build_index) { check(build_index, "build_index", 0); }
Test(fault, build_index_persistent) { check(build_index, "build_index", 1); }
Test(fault, list_ops) { check(list_ops, "list_ops", 0); }
Test(fault, tuples) { check(tuples, "tuples", 0); }
Test(fault, gc_listings) { check(gc_listings, "gc_listings", 0); }
Test(fault, weakrefs) { check(weakrefs, "weakrefs", 0); }
Test(fault, gc_callbacks) { check(gc_callbacks, "gc_callbacks", 0); }

Test(fault, saveall_survives_failing_garbage_growth)
{
    rc_gc_set_debug(RC_GC_DEBUG_SAVEALL);
    rc_object *g = rc_gc_garbage();
    cr_assert_not_null(g);
    for (int i = 0; i < 10; i++) {
        rc_object *l = rc_list_new(0);
        rc_list_append(l, l);
        rc_decref(l);
    }
    rc_alloc_fail_at(1, 1);
    cr_assert_eq(rc_gc_collect(2), 10);
    rc_alloc_fail_at(0, 0);
    rc_gc_set_debug(0);
    cr_assert_eq(rc_list_size(g), 0, "could not be saved; they stay tracked");
    cr_assert_eq(rc_gc_collect(2), 10);
}

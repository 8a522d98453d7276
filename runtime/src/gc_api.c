/*
 * gc_api.c - the collector's control API (rc/gc.h): enable/disable,
 * thresholds, counts, statistics, debug flags, callbacks, garbage, freeze,
 * tracking queries, and the referrer/referent/object listings.
 *
 * Everything here reads or changes rc_gc__state; the collection itself is
 * in gc.c.
 */
#include <stdlib.h>

#include "gc_list.h"

static rc_gc_state *state(void)
{
    rc_gc_state *s = &rc_gc__state;
    if (RC_UNLIKELY(s->gen[0].head.next == 0))
        rc_gc__init();
    return s;
}

static int check_gen(int gen, const char *fn)
{
    if (gen < 0 || gen >= RC_GC_GENERATIONS) {
        rc_error_set(RC_ERR_ARG, "%s: generation %d is not in 0..%d", fn, gen,
                     RC_GC_GENERATIONS - 1);
        return -1;
    }
    return 0;
}

long rc_gc_collect(int gen)
{
    rc_gc_state *s = state();
    if (check_gen(gen, "rc_gc_collect") < 0)
        return -1;
    if (s->collecting) {
        rc_error_set(RC_ERR_STATE, "rc_gc_collect: a collection is already running");
        return -1;
    }
    return rc_gc__collect_main(gen);
}

void rc_gc_enable(void) { state()->enabled = 1; }
void rc_gc_disable(void) { state()->enabled = 0; }
int rc_gc_is_enabled(void) { return state()->enabled; }
int rc_gc_is_collecting(void) { return state()->collecting; }
void rc_gc_set_safepoint_mode(int on) { state()->safepoint_mode = on != 0; }

long rc_gc_safepoint(void)
{
    rc_gc_state *s = state();
    if (!s->pending || s->collecting)
        return 0;
    s->pending = 0;
    int mode = s->safepoint_mode;
    s->safepoint_mode = 0;
    long before = 0;
    for (int i = 0; i < RC_GC_GENERATIONS; i++)
        before += s->stats[i].collected + s->stats[i].uncollectable;
    rc_gc__collect_generations();
    s->safepoint_mode = mode;
    long after = 0;
    for (int i = 0; i < RC_GC_GENERATIONS; i++)
        after += s->stats[i].collected + s->stats[i].uncollectable;
    return after - before;
}

long rc_gc_get_count(int gen)
{
    rc_gc_state *s = state();
    if (check_gen(gen, "rc_gc_get_count") < 0)
        return -1;
    return s->gen[gen].count;
}

int rc_gc_set_threshold(int gen, long threshold)
{
    rc_gc_state *s = state();
    if (check_gen(gen, "rc_gc_set_threshold") < 0)
        return -1;
    if (threshold < 0) {
        rc_error_set(RC_ERR_ARG, "rc_gc_set_threshold: negative threshold %ld", threshold);
        return -1;
    }
    s->gen[gen].threshold = threshold;
    return 0;
}

long rc_gc_get_threshold(int gen)
{
    rc_gc_state *s = state();
    if (check_gen(gen, "rc_gc_get_threshold") < 0)
        return -1;
    return s->gen[gen].threshold;
}

int rc_gc_get_stats(rc_gc_stats *out, int gen)
{
    rc_gc_state *s = state();
    if (out == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_gc_get_stats: NULL out");
        return -1;
    }
    if (check_gen(gen, "rc_gc_get_stats") < 0)
        return -1;
    *out = s->stats[gen];
    return 0;
}

void rc_gc_set_debug(unsigned flags) { state()->debug = flags; }
unsigned rc_gc_get_debug(void) { return state()->debug; }

rc_object *rc_gc_garbage(void)
{
    rc_gc_state *s = state();
    if (s->garbage == NULL) {
        s->garbage = rc_list_new(0);
        if (s->garbage == NULL)
            return NULL;
        rc_object_make_immortal(s->garbage);
    }
    return s->garbage;
}

int rc_gc_callback_add(rc_gc_callback cb, void *arg)
{
    rc_gc_state *s = state();
    if (cb == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_gc_callback_add: NULL callback");
        return -1;
    }
    if (s->ncallbacks == s->callbacks_cap) {
        size_t cap = s->callbacks_cap ? s->callbacks_cap * 2 : 4;
        rc_gc_cb *p = rc_alloc__realloc(s->callbacks, cap * sizeof(*p), __FILE__, __LINE__);
        if (p == NULL) {
            rc_error__nomem("rc_gc_callback_add");
            return -1;
        }
        s->callbacks = p;
        s->callbacks_cap = cap;
    }
    s->callbacks[s->ncallbacks++] = (rc_gc_cb){ cb, arg };
    return 0;
}

int rc_gc_callback_remove(rc_gc_callback cb, void *arg)
{
    rc_gc_state *s = state();
    for (size_t i = 0; i < s->ncallbacks; i++) {
        if (s->callbacks[i].cb == cb && s->callbacks[i].arg == arg) {
            for (size_t j = i + 1; j < s->ncallbacks; j++)
                s->callbacks[j - 1] = s->callbacks[j];
            if (--s->ncallbacks == 0) {
                rc_alloc__free(s->callbacks);
                s->callbacks = NULL;
                s->callbacks_cap = 0;
            }
            return 0;
        }
    }
    rc_error_set(RC_ERR_KEY, "rc_gc_callback_remove: callback not registered");
    return -1;
}

/* Frozen objects carry the FROZEN bit, so that a full collection (which
 * treats every tracked object as a member) can skip them without a list
 * membership test. */
static void set_frozen(rc_gc_head *list, int on)
{
    for (rc_gc_head *g = GC_NEXT(list); g != list; g = GC_NEXT(g))
        g->prev = on ? g->prev | GC_PREV_FROZEN : g->prev & ~GC_PREV_FROZEN;
}

void rc_gc_freeze(void)
{
    rc_gc_state *s = state();
    for (int i = 0; i < RC_GC_GENERATIONS; i++) {
        set_frozen(&s->gen[i].head, 1);
        gc_list_merge(&s->gen[i].head, &s->permanent.head);
        s->gen[i].count = 0;
    }
}

void rc_gc_unfreeze(void)
{
    rc_gc_state *s = state();
    set_frozen(&s->permanent.head, 0);
    gc_list_merge(&s->permanent.head, &s->gen[RC_GC_GENERATIONS - 1].head);
}

size_t rc_gc_get_freeze_count(void) { return gc_list_size(&state()->permanent.head); }

static int tracked_type(rc_object *o) { return o != NULL && o->ob_type->traverse != NULL; }

int rc_gc_is_tracked(rc_object *o)
{
    return tracked_type(o) && rc_gc__as_gc(o)->next != 0;
}

int rc_gc_is_finalized(rc_object *o)
{
    return o != NULL && rc_object__has_head(o->ob_type) &&
           (rc_gc__as_gc(o)->prev & GC_PREV_FINALIZED) != 0;
}

static int check_trackable(rc_object *o, const char *fn)
{
    if (rc_object__check(o, NULL, fn) < 0)
        return -1;
    if (!tracked_type(o)) {
        rc_error_set(RC_ERR_TYPE, "%s: type '%s' has no traverse", fn, o->ob_type->name);
        return -1;
    }
    if (rc_gc__state.collecting) {
        rc_error_set(RC_ERR_STATE, "%s: not allowed during a collection", fn);
        return -1;
    }
    return 0;
}

int rc_gc_track(rc_object *o)
{
    if (check_trackable(o, "rc_gc_track") < 0)
        return -1;
    rc_gc_head *g = rc_gc__as_gc(o);
    if (g->next == 0) {
        g->prev &= ~GC_PREV_FROZEN;
        gc_list_append(g, &state()->gen[0].head);
    }
    return 0;
}

int rc_gc_untrack(rc_object *o)
{
    if (check_trackable(o, "rc_gc_untrack") < 0)
        return -1;
    rc_gc_head *g = rc_gc__as_gc(o);
    if (g->next != 0)
        gc_list_remove(g);
    return 0;
}

/* Append every object of list (except skip) for which keep(op, arg) holds.
 * Appending allocates only raw buffers, so no collection can run. */
static int list_objects(rc_object *result, rc_gc_head *list, int (*keep)(rc_object *, void *),
                        void *arg)
{
    for (rc_gc_head *g = GC_NEXT(list); g != list; g = GC_NEXT(g)) {
        rc_object *op = rc_gc__from_gc(g);
        if (op == result || (keep && !keep(op, arg)))
            continue;
        if (rc_list__append(result, op) < 0)
            return -1;
    }
    return 0;
}

static int list_all(rc_object *result, int gen, int (*keep)(rc_object *, void *), void *arg)
{
    rc_gc_state *s = state();
    for (int i = 0; i < RC_GC_GENERATIONS; i++)
        if ((gen < 0 || gen == i) && list_objects(result, &s->gen[i].head, keep, arg) < 0)
            return -1;
    if (gen < 0 && list_objects(result, &s->permanent.head, keep, arg) < 0)
        return -1;
    return 0;
}

/* A new list filled by fill(result, arg), or NULL (the list released). */
static rc_object *new_list(int (*fill)(rc_object *result, void *arg), void *arg)
{
    rc_object *result = rc_list_new(0);
    if (result == NULL)
        return NULL;
    if (fill(result, arg) < 0) {
        rc_decref(result);
        return NULL;
    }
    return result;
}

static int fill_objects(rc_object *result, void *arg)
{
    return list_all(result, *(int *)arg, NULL, NULL);
}

rc_object *rc_gc_get_objects(int gen)
{
    if (gen != -1 && check_gen(gen, "rc_gc_get_objects") < 0)
        return NULL;
    return new_list(fill_objects, &gen);
}

static int visit_match(rc_object *op, void *arg) { return op == arg; }

static int refers_to(rc_object *op, void *target)
{
    return op->ob_type->traverse(op, visit_match, target) != 0;
}

static int fill_referrers(rc_object *result, void *target)
{
    return list_all(result, -1, refers_to, target);
}

rc_object *rc_gc_get_referrers(rc_object *o)
{
    if (rc_object__check(o, NULL, "rc_gc_get_referrers") < 0)
        return NULL;
    return new_list(fill_referrers, o);
}

static int visit_append(rc_object *op, void *result) { return rc_list__append(result, op) < 0; }

static int fill_referents(rc_object *result, void *o)
{
    const rc_type *t = ((rc_object *)o)->ob_type;
    return t->traverse && t->traverse(o, visit_append, result) != 0 ? -1 : 0;
}

rc_object *rc_gc_get_referents(rc_object *o)
{
    if (rc_object__check(o, NULL, "rc_gc_get_referents") < 0)
        return NULL;
    return new_list(fill_referents, o);
}

/*
 * gc.c - the cycle collector: generational trial deletion, as CPython's
 * Modules/gcmodule.c (see runtime/README.md, "The collector").
 *
 * A collection of generation g merges the younger generations into g
 * ("young") and then:
 *
 *   update_refs      gc_refs = ob_refcnt for every object in young, and the
 *                    COLLECTING bit marks membership of the set;
 *   subtract_refs    each object's traverse decrements gc_refs of the
 *                    COLLECTING objects it references; afterwards gc_refs
 *                    counts the references from outside young;
 *   move_unreachable a scan of young: an object with gc_refs > 0 is
 *                    reachable and its traverse marks what it references as
 *                    reachable (gc_refs = 1, moving it back from the
 *                    unreachable list if it was already moved there); one
 *                    with gc_refs == 0 is moved (tentatively) to unreachable.
 *                    Invariant: everything behind the scan pointer is
 *                    reachable and has been traversed, so when the scan ends
 *                    unreachable holds exactly the garbage.
 *
 * Survivors move to the next generation. The garbage then goes through:
 * weak references cleared (callbacks run), finalizers run once, a
 * resurrection re-check (the same three passes over the garbage; skipped
 * when no finalizer or callback ran), and clear() on every object, which
 * breaks the cycles so that ordinary refcounting frees them. Objects still
 * alive after every clear ran (no object of their cycle has clear) are
 * uncollectable and go to the garbage list, as does everything under
 * RC_GC_DEBUG_SAVEALL.
 *
 * During the first phase prev holds gc_refs, so the young list is singly
 * linked; no user code runs until move_unreachable has restored it.
 */
#include <time.h>

#include "gc_list.h"

rc_gc_state rc_gc__state;

static inline intptr_t gc_get_refs(rc_gc_head *g) { return (intptr_t)(g->prev >> GC_PREV_SHIFT); }

static inline void gc_set_refs(rc_gc_head *g, intptr_t refs)
{
    g->prev = (g->prev & GC_PREV_FLAGS) | ((uintptr_t)refs << GC_PREV_SHIFT);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void rc_gc__init(void)
{
    rc_gc_state *s = &rc_gc__state;
    static const long thresholds[RC_GC_GENERATIONS] = { 2000, 10, 10 };
    for (int i = 0; i < RC_GC_GENERATIONS; i++) {
        gc_list_init(&s->gen[i].head);
        s->gen[i].threshold = thresholds[i];
        s->gen[i].count = 0;
    }
    gc_list_init(&s->permanent.head);
    s->enabled = 1;
}

void rc_gc__track(rc_gc_head *g)
{
    rc_gc_state *s = &rc_gc__state;
    if (RC_UNLIKELY(s->gen[0].head.next == 0))
        rc_gc__init();
    gc_list_append(g, &s->gen[0].head);
    s->gen[0].count++;
}

void rc_gc__untrack(rc_gc_head *g)
{
    rc_gc_state *s = &rc_gc__state;
    gc_list_remove(g);
    if (s->gen[0].count > 0)
        s->gen[0].count--;
}

/* ---- trial deletion -------------------------------------------------------- */

/* Lists are mostly in allocation order, which the pool lays out in address
 * order: prefetching a little ahead of the current header turns the
 * latency-bound list walk into a streaming one (measured: ~2x on 1e6
 * objects). A prefetch never faults, so a wrong guess only costs a slot. */
#define PREFETCH_AHEAD 1024
#define PREFETCH(g) __builtin_prefetch((const char *)(g) + PREFETCH_AHEAD, 1)

/* gc_refs = ob_refcnt and COLLECTING for every member; returns the count. */
static long update_refs(rc_gc_head *containers)
{
    long n = 0;
    for (rc_gc_head *g = GC_NEXT(containers); g != containers; g = GC_NEXT(g)) {
        PREFETCH(g);
        rc_object *op = rc_gc__from_gc(g);
        if (RC_UNLIKELY(op->ob_refcnt <= 0))
            rc_object__fatal(__FILE__, __LINE__, "tracked object of type '%s' has refcount %ld",
                             op->ob_type->name, (long)op->ob_refcnt);
        g->prev = (g->prev & GC_PREV_KEEP) | GC_PREV_COLLECTING |
                  ((uintptr_t)op->ob_refcnt << GC_PREV_SHIFT);
        n++;
    }
    return n;
}

static int visit_decref(rc_object *op, void *parent)
{
    if (op->ob_type->traverse != NULL) {
        rc_gc_head *g = rc_gc__as_gc(op);
        if (g->prev & GC_PREV_COLLECTING) {
            if (RC_UNLIKELY(gc_get_refs(g) <= 0))
                rc_object__fatal(__FILE__, __LINE__,
                                 "traverse of '%s' visits a '%s' more often than it is referenced "
                                 "(traverse visits a reference it does not own)",
                                 ((rc_object *)parent)->ob_type->name, op->ob_type->name);
            g->prev -= (uintptr_t)1 << GC_PREV_SHIFT;
        }
    }
    return 0;
}

static void subtract_refs(rc_gc_head *containers)
{
    for (rc_gc_head *g = GC_NEXT(containers); g != containers; g = GC_NEXT(g)) {
        PREFETCH(g);
        rc_object *op = rc_gc__from_gc(g);
        op->ob_type->traverse(op, visit_decref, op);
    }
}

/* The visitor of the fused pass of full collections: a target not yet
 * initialised is initialised on first sight (gc_refs = refcount - 1). Every
 * tracked object that is not frozen is in the set. */
static int visit_decref_full(rc_object *op, void *parent)
{
    if (op->ob_type->traverse != NULL) {
        rc_gc_head *g = rc_gc__as_gc(op);
        uintptr_t prev = g->prev;
        if (prev & GC_PREV_COLLECTING) {
            if (RC_UNLIKELY(gc_get_refs(g) <= 0))
                return visit_decref(op, parent); /* reports the bad traverse */
            g->prev = prev - ((uintptr_t)1 << GC_PREV_SHIFT);
        } else if (!(prev & GC_PREV_FROZEN) && g->next != 0) {
            g->prev = (prev & GC_PREV_KEEP) | GC_PREV_COLLECTING |
                      ((uintptr_t)(op->ob_refcnt - 1) << GC_PREV_SHIFT);
        }
    }
    return 0;
}

/* update_refs and subtract_refs in one pass, for full collections (the set
 * is every tracked, unfrozen object, so membership needs no bit of its
 * own): an object's gc_refs is initialised when the scan reaches it or when
 * a traverse first visits it, whichever comes first. Returns the count. */
static long update_and_subtract_all(rc_gc_head *containers)
{
    long n = 0;
    for (rc_gc_head *g = GC_NEXT(containers); g != containers; g = GC_NEXT(g)) {
        PREFETCH(g);
        rc_object *op = rc_gc__from_gc(g);
        if (!(g->prev & GC_PREV_COLLECTING)) {
            if (RC_UNLIKELY(op->ob_refcnt <= 0))
                rc_object__fatal(__FILE__, __LINE__, "tracked object of type '%s' has refcount %ld",
                                 op->ob_type->name, (long)op->ob_refcnt);
            g->prev = (g->prev & GC_PREV_KEEP) | GC_PREV_COLLECTING |
                      ((uintptr_t)op->ob_refcnt << GC_PREV_SHIFT);
        }
        op->ob_type->traverse(op, visit_decref_full, op);
        n++;
    }
    return n;
}

/* What the tentatively unreachable objects need before they can be freed.
 * move_unreachable keeps it up to date as objects move in and out, erring
 * on the safe side (a flag may stay set for an object that moved back). */
typedef struct garbage_info {
    long n;
    int special; /* a finalizer pending, a weak reference, or a type without clear */
} garbage_info;

/* Added to the count of every object on the unreachable list, so that when
 * the garbage is freed in bulk the deallocs' releases inside the garbage
 * never bring a count to zero (free_in_bulk). */
#define BULK_BIAS ((intptr_t)1 << 50)

typedef struct reach_ctx {
    rc_gc_head *young;
    garbage_info *gi;
} reach_ctx;

static int visit_reachable(rc_object *op, void *arg)
{
    if (op->ob_type->traverse == NULL)
        return 0;
    rc_gc_head *g = rc_gc__as_gc(op);
    if (!(g->prev & GC_PREV_COLLECTING))
        return 0; /* outside the set, or already scanned */
    if (g->next & GC_NEXT_UNREACHABLE) {
        /* Tentatively unreachable: move it back to the end of young. */
        reach_ctx *ctx = arg;
        rc_gc_head *prev = GC_PREV(g);
        rc_gc_head *next = (rc_gc_head *)(void *)(g->next & ~GC_NEXT_UNREACHABLE);
        prev->next = g->next;
        gc_set_prev(next, prev);
        gc_list_append(g, ctx->young);
        gc_set_refs(g, 1);
        op->ob_refcnt -= BULK_BIAS;
        ctx->gi->n--;
    } else if (gc_get_refs(g) == 0) {
        gc_set_refs(g, 1);
    }
    return 0;
}

static void move_unreachable(rc_gc_head *young, rc_gc_head *unreachable, garbage_info *gi)
{
    reach_ctx ctx = { young, gi };
    rc_gc_head *prev = young;
    rc_gc_head *g = GC_NEXT(young);
    while (g != young) {
        PREFETCH(g);
        rc_object *op = rc_gc__from_gc(g);
        if (gc_get_refs(g) != 0) {
            op->ob_type->traverse(op, visit_reachable, &ctx);
            g->prev = (g->prev & (GC_PREV_FLAGS & ~GC_PREV_COLLECTING)) | (uintptr_t)prev;
            prev = g;
        } else {
            prev->next = g->next;
            rc_gc_head *last = GC_PREV(unreachable);
            last->next = GC_NEXT_UNREACHABLE | (uintptr_t)g;
            gc_set_prev(g, last);
            g->next = GC_NEXT_UNREACHABLE | (uintptr_t)unreachable;
            unreachable->prev = (uintptr_t)g;
            op->ob_refcnt += BULK_BIAS;
            gi->n++;
            if (op->ob_type->clear == NULL || (g->prev & GC_PREV_WEAKREFS) ||
                (op->ob_type->finalize && !(g->prev & GC_PREV_FINALIZED)))
                gi->special = 1;
        }
        g = GC_NEXT(prev);
    }
    young->prev = (uintptr_t)prev;
    unreachable->next &= ~GC_NEXT_UNREACHABLE;
}

/* Make unreachable a proper list again (no UNREACHABLE bits, true counts)
 * and report exactly what it needs. */
typedef struct garbage_needs {
    int finalizers;
    int weakrefs;
} garbage_needs;

static garbage_needs scan_unreachable(rc_gc_head *unreachable, unsigned debug)
{
    garbage_needs gn = { 0, 0 };
    for (rc_gc_head *g = GC_NEXT(unreachable); g != unreachable;) {
        g->next &= ~GC_NEXT_UNREACHABLE;
        rc_object *op = rc_gc__from_gc(g);
        op->ob_refcnt -= BULK_BIAS;
        if (op->ob_type->finalize && !(g->prev & GC_PREV_FINALIZED))
            gn.finalizers = 1;
        if (g->prev & GC_PREV_WEAKREFS)
            gn.weakrefs = 1;
        if (RC_UNLIKELY(debug & RC_GC_DEBUG_COLLECTABLE))
            fprintf(stderr, "rc gc: collectable <%s %p>\n", op->ob_type->name, (void *)op);
        g = GC_NEXT(g);
    }
    return gn;
}

/*
 * Free garbage without the clear-and-cascade dance, when nothing can observe
 * it: no finalizer pending, no weak reference, every type has clear (so the
 * ordinary path would free all of it too). Every count carries BULK_BIAS,
 * so each dealloc releases its references into the garbage without freeing
 * anything there, while references that leave the garbage are released for
 * real; then all blocks are freed. No untracking, no cascade, no recursion.
 * The list still has its UNREACHABLE bits, which the walks mask off.
 */
#define NEXT_MASKED(g) ((rc_gc_head *)(void *)((g)->next & ~GC_NEXT_UNREACHABLE))

static void free_in_bulk(rc_gc_head *collectable)
{
#ifndef RC_DEBUG
    /* One walk when the pool holds freed blocks intact (only their first
     * word, the header's next, is overwritten): a later dealloc may still
     * decrement a count in an already freed block, which is harmless then.
     * Blocks too large for the pool are freed after the walk (chained
     * through their header). Debug builds poison freed blocks, so they take
     * two walks. */
    if (rc_alloc__hold_reuse(1)) {
        rc_gc_head *deferred = NULL;
        for (rc_gc_head *g = NEXT_MASKED(collectable), *next; g != collectable; g = next) {
            PREFETCH(g);
            next = NEXT_MASKED(g);
            rc_object *op = rc_gc__from_gc(g);
            if (op->ob_type->dealloc)
                op->ob_type->dealloc(op);
            if (RC_LIKELY(rc_alloc__in_pool(g))) {
                g->next = 0;
                rc_object__free_block(op);
            } else {
                g->next = (uintptr_t)deferred;
                deferred = g;
            }
        }
        while (deferred != NULL) {
            rc_gc_head *g = deferred;
            deferred = (rc_gc_head *)(void *)g->next;
            g->next = 0;
            rc_object__free_block(rc_gc__from_gc(g));
        }
        rc_alloc__hold_reuse(0);
        gc_list_init(collectable);
        return;
    }
#endif
    for (rc_gc_head *g = NEXT_MASKED(collectable); g != collectable; g = NEXT_MASKED(g)) {
        PREFETCH(g);
        rc_object *op = rc_gc__from_gc(g);
        if (op->ob_type->dealloc)
            op->ob_type->dealloc(op);
    }
    for (rc_gc_head *g = NEXT_MASKED(collectable), *next; g != collectable; g = next) {
        PREFETCH(g);
        next = NEXT_MASKED(g);
        g->next = 0;
        rc_object__free_block(rc_gc__from_gc(g));
    }
    gc_list_init(collectable);
}

/* trial deletion over young; survivors stay in young, the garbage is on
 * unreachable (with UNREACHABLE bits and biased counts). Returns the number
 * of candidates. full: young holds every tracked, unfrozen object. */
static long deduce_unreachable(rc_gc_head *young, rc_gc_head *unreachable, int full,
                               garbage_info *gi)
{
    long n;
    if (full) {
        n = update_and_subtract_all(young);
    } else {
        n = update_refs(young);
        subtract_refs(young);
    }
    gc_list_init(unreachable);
    *gi = (garbage_info){ 0, 0 };
    move_unreachable(young, unreachable, gi);
    return n;
}

static size_t clear_weakrefs(rc_gc_head *unreachable)
{
    rc_object *queue = NULL;
    for (rc_gc_head *g = GC_NEXT(unreachable); g != unreachable; g = GC_NEXT(g))
        if (g->prev & GC_PREV_WEAKREFS)
            rc_weakref__clear_refs(rc_gc__from_gc(g), &queue);
    return rc_weakref__run_callbacks(queue);
}

/* Run each pending finalizer once. Objects are moved to seen first so that
 * a finalizer freeing other garbage (against the rules) never breaks the
 * iteration. Returns the number run. */
static long finalize_garbage(rc_gc_head *unreachable)
{
    rc_gc_head seen;
    long ran = 0;
    gc_list_init(&seen);
    while (!gc_list_is_empty(unreachable)) {
        rc_gc_head *g = GC_NEXT(unreachable);
        gc_list_move(g, &seen);
        rc_object *op = rc_gc__from_gc(g);
        if (op->ob_type->finalize && !(g->prev & GC_PREV_FINALIZED)) {
            g->prev |= GC_PREV_FINALIZED;
            rc_incref(op);
            op->ob_type->finalize(op);
            rc_decref(op);
            ran++;
        }
    }
    gc_list_merge(&seen, unreachable);
    return ran;
}

/* Move every object of list to old, keeping a reference in the garbage list. */
static void save_garbage(rc_gc_head *list, rc_gc_head *old, unsigned debug)
{
    rc_object *garbage = rc_gc_garbage();
    while (!gc_list_is_empty(list)) {
        rc_gc_head *g = GC_NEXT(list);
        rc_object *op = rc_gc__from_gc(g);
        g->prev &= ~GC_PREV_COLLECTING;
        gc_list_move(g, old);
        if (RC_UNLIKELY(debug & RC_GC_DEBUG_UNCOLLECTABLE))
            fprintf(stderr, "rc gc: uncollectable <%s %p>\n", op->ob_type->name, (void *)op);
        if (garbage)
            rc_list__append(garbage, op);
    }
}

/* clear() every object; returns the number that could not be freed (moved
 * to garbage). */
static long delete_garbage(rc_gc_head *collectable, rc_gc_head *old, unsigned debug)
{
    rc_gc_head survivors;
    gc_list_init(&survivors);
    while (!gc_list_is_empty(collectable)) {
        rc_gc_head *g = GC_NEXT(collectable);
        rc_object *op = rc_gc__from_gc(g);
        rc_destructor clear = op->ob_type->clear;
        if (clear != NULL) {
            rc_incref(op);
            clear(op);
            rc_decref(op);
        }
        if (GC_NEXT(collectable) == g)
            gc_list_move(g, &survivors); /* still alive: it may die later */
    }
    long n = (long)gc_list_size(&survivors);
    if (n > 0)
        save_garbage(&survivors, old, debug);
    return n;
}

#ifdef RC_DEBUG
/* Debug builds check every generation list around each collection
 * (STYLE §11): proper links both ways, and no object left COLLECTING or
 * UNREACHABLE between collections. */
static void gc_validate_list(rc_gc_head *list)
{
    rc_gc_head *prev = list;
    for (rc_gc_head *g = GC_NEXT(list); g != list; prev = g, g = GC_NEXT(g)) {
        if (RC_NEVER(g->next & GC_NEXT_UNREACHABLE) || RC_NEVER(g->prev & GC_PREV_COLLECTING) ||
            RC_NEVER(GC_PREV(g) != prev))
            return;
    }
    RC_ALWAYS(GC_PREV(list) == prev);
}

static void gc_validate_all(rc_gc_state *s)
{
    for (int i = 0; i < RC_GC_GENERATIONS; i++)
        gc_validate_list(&s->gen[i].head);
    gc_validate_list(&s->permanent.head);
}
#else
#define gc_validate_all(s) ((void)0)
#endif

static void invoke_callbacks(rc_gc_phase phase, const rc_gc_info *info)
{
    rc_gc_state *s = &rc_gc__state;
    for (size_t i = 0; i < s->ncallbacks; i++) {
        rc_gc_cb c = s->callbacks[i];
        c.cb(phase, info, c.arg);
    }
}

long rc_gc__collect_main(int generation)
{
    rc_gc_state *s = &rc_gc__state;
    rc_gc_info info = { generation, 0, 0, 0, 0.0 };
    rc_gc_head unreachable;
    double t0 = now_seconds();

    gc_validate_all(s);
    s->collecting = 1;
    s->pending = 0;
    if (s->ncallbacks)
        invoke_callbacks(RC_GC_START, &info);

    if (generation + 1 < RC_GC_GENERATIONS)
        s->gen[generation + 1].count++;
    for (int i = 0; i <= generation; i++)
        s->gen[i].count = 0;
    for (int i = 0; i < generation; i++)
        gc_list_merge(&s->gen[i].head, &s->gen[generation].head);
    rc_gc_head *young = &s->gen[generation].head;
    rc_gc_head *old = generation + 1 < RC_GC_GENERATIONS ? &s->gen[generation + 1].head : young;

    garbage_info gi;
    long candidates = deduce_unreachable(young, &unreachable, generation == RC_GC_GENERATIONS - 1, &gi);
    unsigned debug = s->debug;
    long survivors = candidates - gi.n;
    if (young != old) {
        if (generation == RC_GC_GENERATIONS - 2)
            s->long_lived_pending += survivors;
        gc_list_merge(young, old);
    } else {
        s->long_lived_pending = 0;
        s->long_lived_total = survivors;
    }

    long found = gi.n, uncollectable = 0;
    if (gi.n > 0 && !gi.special && !(debug & (RC_GC_DEBUG_SAVEALL | RC_GC_DEBUG_COLLECTABLE))) {
        free_in_bulk(&unreachable);
    } else if (gi.n > 0) {
        garbage_needs gn = scan_unreachable(&unreachable, debug);
        size_t callbacks = gn.weakrefs ? clear_weakrefs(&unreachable) : 0;
        long finalizers = gn.finalizers ? finalize_garbage(&unreachable) : 0;
        rc_gc_head final;
        rc_gc_head *collectable = &unreachable;
        if (callbacks > 0 || finalizers > 0) {
            /* Resurrection check: what a finalizer or callback made
             * reachable again, and all it reaches, survives. */
            garbage_info fi;
            deduce_unreachable(&unreachable, &final, 0, &fi);
            gc_list_merge(&unreachable, old);
            scan_unreachable(&final, 0);
            found = fi.n;
            collectable = &final;
        }
        if (debug & RC_GC_DEBUG_SAVEALL)
            save_garbage(collectable, old, 0);
        else
            uncollectable = delete_garbage(collectable, old, debug);
    }

    long collected = found - uncollectable;
    double dt = now_seconds() - t0;
    rc_gc_stats *st = &s->stats[generation];
    st->collections++;
    st->collected += collected;
    st->uncollectable += uncollectable;
    st->candidates += candidates;
    st->duration += dt;
    if (debug & RC_GC_DEBUG_STATS)
        fprintf(stderr,
                "rc gc: collected generation %d: %ld candidates, %ld unreachable, "
                "%ld uncollectable, %.6fs\n",
                generation, candidates, found, uncollectable, dt);
    if (s->ncallbacks) {
        info.collected = collected;
        info.uncollectable = uncollectable;
        info.candidates = candidates;
        info.duration = dt;
        invoke_callbacks(RC_GC_STOP, &info);
    }
    s->collecting = 0;
    gc_validate_all(s);
    return found;
}

void rc_gc__collect_generations(void)
{
    rc_gc_state *s = &rc_gc__state;
    if (s->safepoint_mode) {
        s->pending = 1;
        return;
    }
    for (int i = RC_GC_GENERATIONS - 1; i >= 0; i--) {
        if (i > 0 && s->gen[i].count <= s->gen[i].threshold)
            continue;
        /* The 25% rule: a full collection only when the survivors pending
         * since the last one exceed a quarter of the long-lived objects, so
         * that building a large live structure stays linear. */
        if (i == RC_GC_GENERATIONS - 1 && s->long_lived_pending < s->long_lived_total / 4)
            continue;
        rc_error_saved saved;
        rc_error__save(&saved);
        rc_gc__collect_main(i);
        rc_error__restore(&saved);
        break;
    }
}

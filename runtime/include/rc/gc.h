/*
 * rc/gc.h - the cycle collector and its control API (Python's gc module).
 *
 * Reference counting frees everything except cycles; the collector finds
 * cycles of tracked objects (types with traverse) that nothing outside them
 * references, and frees them. It is generational (three generations, as
 * CPython) and uses trial deletion: see runtime/README.md for the algorithm
 * and its invariants.
 *
 * Collections run automatically when the number of tracked allocations
 * minus deallocations exceeds threshold 0, from inside rc_new() of a
 * tracked type (or, in safe-point mode, at the next rc_gc_safepoint()).
 * A collection runs finalizers and weak reference callbacks, so it runs user
 * code; collections are never nested (a collection requested while one is
 * running fails with RC_ERR_STATE).
 */
#ifndef RC_GC_H
#define RC_GC_H

#include <stddef.h>

#include "annotate.h"
#include "object.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Number of generations (0 youngest, 2 oldest). */
#define RC_GC_GENERATIONS 3

/** Debug flags (rc_gc_set_debug). */
#define RC_GC_DEBUG_STATS 0x01u         /**< print a line per collection to stderr */
#define RC_GC_DEBUG_COLLECTABLE 0x02u   /**< print each collectable object found */
#define RC_GC_DEBUG_UNCOLLECTABLE 0x04u /**< print each uncollectable object found */
#define RC_GC_DEBUG_SAVEALL 0x20u       /**< keep all unreachable objects in garbage, free none */
#define RC_GC_DEBUG_LEAK (RC_GC_DEBUG_COLLECTABLE | RC_GC_DEBUG_UNCOLLECTABLE | RC_GC_DEBUG_SAVEALL)

/**
 * Collect generation gen and all younger ones (2 = full collection).
 * Runs finalizers and weak reference callbacks of garbage.
 * @return number of unreachable objects found (collected + uncollectable;
 *         resurrected objects are not counted), or -1 on failure
 *         (RC_ERR_ARG for a bad generation, RC_ERR_STATE during a collection).
 */
RC_API RC_RUNS_CODE long rc_gc_collect(int gen);

/** Enable automatic collection (the default). */
RC_API void rc_gc_enable(void);
/** Disable automatic collection; rc_gc_collect() still works. */
RC_API void rc_gc_disable(void);
/** 1 if automatic collection is enabled, else 0. */
RC_API int rc_gc_is_enabled(void);
/** 1 while a collection is running, else 0. */
RC_API int rc_gc_is_collecting(void);

/** Safe-point mode: when on, automatic collections are not run inside
 *  rc_new() but postponed to the next rc_gc_safepoint() call. Off by default. */
RC_API void rc_gc_set_safepoint_mode(int on);
/** Run a postponed automatic collection, if one is due.
 *  @return what rc_gc_collect returned, or 0 if none was due. */
RC_API RC_RUNS_CODE long rc_gc_safepoint(void);

/** Generation gen's count: for 0, tracked allocations minus deallocations
 *  since its last collection; for 1 and 2, collections of the next younger
 *  generation since. @return the count, or -1 (RC_ERR_ARG). */
RC_API long rc_gc_get_count(int gen);

/** Set generation gen's threshold (threshold 0 of 0 disables automatic
 *  collection). @return 0, or -1 (RC_ERR_ARG for a bad gen or negative t). */
RC_API int rc_gc_set_threshold(int gen, long threshold);
/** @return generation gen's threshold, or -1 (RC_ERR_ARG). */
RC_API long rc_gc_get_threshold(int gen);

/** Per-generation statistics. */
typedef struct rc_gc_stats {
    long collections;   /**< collections of this generation */
    long collected;     /**< objects freed by them */
    long uncollectable; /**< objects found unreachable but not freed (moved to garbage) */
    long candidates;    /**< objects examined, summed */
    double duration;    /**< seconds spent, summed */
} rc_gc_stats;

/** Copy generation gen's statistics to *out.
 *  @return 0, or -1 (RC_ERR_ARG for NULL out or a bad gen). */
RC_API int rc_gc_get_stats(rc_gc_stats *out, int gen);

/** Set the debug flags (RC_GC_DEBUG_*). */
RC_API void rc_gc_set_debug(unsigned flags);
/** @return the debug flags. */
RC_API unsigned rc_gc_get_debug(void);

/**
 * The garbage list: unreachable objects the collector could not free (no
 * object of their cycle has a clear function), and with
 * RC_GC_DEBUG_SAVEALL every unreachable object. It is an ordinary list
 * (rc/types.h) that holds a reference to each; rc_list_clear() on it lets
 * them go.
 * @return borrowed reference to the list, NULL (RC_ERR_NOMEM) if it could
 *         not be created.
 */
RC_API RC_RETURNS_BORROWED RC_MAY_FAIL rc_object *rc_gc_garbage(void);

/** Collection phases for callbacks. */
typedef enum rc_gc_phase { RC_GC_START = 0, RC_GC_STOP = 1 } rc_gc_phase;

/** What a callback is told. collected, uncollectable, candidates and
 *  duration are 0 at RC_GC_START. */
typedef struct rc_gc_info {
    int generation;
    long collected;
    long uncollectable;
    long candidates;
    double duration;
} rc_gc_info;

/** A callback run before (RC_GC_START) and after (RC_GC_STOP) each collection. */
typedef void (*rc_gc_callback)(rc_gc_phase phase, const rc_gc_info *info, void *arg);

/** Register cb with arg (the same pair may be registered twice).
 *  @return 0, or -1 (RC_ERR_ARG for NULL cb, RC_ERR_NOMEM). */
RC_API int rc_gc_callback_add(rc_gc_callback cb, void *arg);
/** Unregister the first registration of (cb, arg).
 *  @return 0, or -1 (RC_ERR_KEY if not registered). */
RC_API int rc_gc_callback_remove(rc_gc_callback cb, void *arg);

/** Move every tracked object to the permanent generation, which no
 *  collection examines (pre-fork copy-on-write, as Python's gc.freeze). */
RC_API void rc_gc_freeze(void);
/** Move the permanent generation back into the oldest generation. */
RC_API void rc_gc_unfreeze(void);
/** @return number of objects in the permanent generation. */
RC_API size_t rc_gc_get_freeze_count(void);

/** 1 if o is tracked by the collector, 0 if not or for NULL. */
RC_API int rc_gc_is_tracked(rc_object *o);
/** 1 if o's finalizer has run, 0 if not or for NULL. */
RC_API int rc_gc_is_finalized(rc_object *o);
/** Track o (its type must have traverse); idempotent.
 *  @return 0, or -1 (RC_ERR_ARG for NULL, RC_ERR_TYPE for an untrackable type). */
RC_API int rc_gc_track(rc_object *o);
/** Stop tracking o (a tracked type may untrack objects it knows to be acyclic);
 *  idempotent. @return 0, or -1 (RC_ERR_ARG for NULL, RC_ERR_TYPE). */
RC_API int rc_gc_untrack(rc_object *o);

/** A new list of the tracked objects in generation gen, or of all (gen -1).
 *  @return new reference, NULL on failure (RC_ERR_ARG, RC_ERR_NOMEM). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_gc_get_objects(int gen);
/** A new list of the tracked objects whose traverse visits o (a full scan).
 *  @return new reference, NULL on failure (RC_ERR_ARG, RC_ERR_NOMEM). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_gc_get_referrers(rc_object *o);
/** A new list of what o's traverse visits (empty for untracked types).
 *  @return new reference, NULL on failure (RC_ERR_ARG, RC_ERR_NOMEM). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_gc_get_referents(rc_object *o);

#ifdef __cplusplus
}
#endif

#endif /* RC_GC_H */

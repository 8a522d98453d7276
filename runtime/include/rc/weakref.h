/*
 * rc/weakref.h - zeroing weak references with optional callbacks.
 *
 * A weak reference is an object (type "weakref") that refers to a target
 * without owning it. When the target dies - by its last rc_decref or
 * because the collector found it in garbage - every weak reference to it is
 * cleared (rc_weakref_get then returns NULL) and their callbacks run once,
 * each called with the weak reference itself. The collector clears weak
 * references to garbage before it runs finalizers or clears anything, so a
 * callback never sees a half-destroyed object. Use them for caches and
 * back-pointers that should neither keep their target alive nor form a
 * cycle.
 *
 * Targets: objects of tracked types (with traverse), of types with a
 * finalize, or of types flagged RC_TYPE_WEAKREF. Ints and strs cannot be
 * weakly referenced (as in CPython).
 */
#ifndef RC_WEAKREF_H
#define RC_WEAKREF_H

#include <stddef.h>

#include "annotate.h"
#include "object.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The weak reference type. */
RC_API extern const rc_type rc_weakref_type;

/** Called once when the target of ref dies; ref is borrowed for the call
 *  and already cleared. Must not raise the dead target. */
typedef void (*rc_weakref_callback)(rc_object *ref, void *arg);

/** A new weak reference to target (borrowed: not increfed), with an
 *  optional callback. @return new reference; NULL on failure (RC_ERR_ARG for
 *  NULL target, RC_ERR_TYPE if target cannot be weakly referenced,
 *  RC_ERR_NOMEM). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL RC_CALLBACK(2) rc_object *rc_weakref_new(rc_object *target,
                                                                           rc_weakref_callback cb,
                                                                           void *arg);
/** The target. @return NEW reference to the target, or NULL if it is dead
 *  (no error set) or on failure (RC_ERR_ARG, RC_ERR_TYPE set). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_weakref_get(rc_object *ref);
/** 1 if ref's target is alive, 0 if dead, -1 on failure (RC_ERR_ARG, RC_ERR_TYPE). */
RC_API int rc_weakref_is_alive(rc_object *ref);
/** Number of live weak references to o (0 for NULL or none). */
RC_API size_t rc_weakref_count(rc_object *o);
/** 1 if o is a weak reference, 0 otherwise (also for NULL). */
RC_API int rc_weakref_check(rc_object *o);

#ifdef __cplusplus
}
#endif

#endif /* RC_WEAKREF_H */

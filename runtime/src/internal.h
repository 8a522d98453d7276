/*
 * internal.h - declarations shared by the runtime's source files. Nothing
 * here is API: every symbol is hidden (the library is compiled with
 * -fvisibility=hidden and exports only RC_API functions).
 *
 * Memory layout of an object block:
 *
 *     [rc_gc_head (16 bytes)]? [rc_object header][type's fields][extra]
 *     ^ block start              ^ the object pointer users see
 *
 * The collector header is present when rc_object__has_head(type): the type
 * has traverse (tracked), finalize (needs the FINALIZED bit) or the
 * RC_TYPE_WEAKREF flag (needs the WEAKREFS bit).
 *
 * rc_gc_head, as in CPython:
 *   next  between collections: the next header in the generation list, 0
 *         when untracked. During move_unreachable bit 0 (GC_NEXT_UNREACHABLE)
 *         marks objects moved to the tentatively unreachable list.
 *   prev  low 4 bits are flags (FINALIZED, COLLECTING, WEAKREFS, FROZEN);
 *         the rest is the previous header between collections, and gc_refs
 *         (shifted by GC_PREV_SHIFT) during the first phase of a collection.
 * Blocks are 16-byte aligned (malloc's and the pool's guarantee), so the
 * low 4 bits of a header address are free.
 */
#ifndef RC_INTERNAL_H
#define RC_INTERNAL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "rc/rc.h"

/* ---- defensive macros (STYLE §11) ---------------------------------------- */

void rc_object__fatal(const char *file, int line, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 3, 4)));

#define RC_ASSERT(cond)                                                       \
    do {                                                                      \
        if (!(cond))                                                          \
            rc_object__fatal(__FILE__, __LINE__, "assertion failed: %s", #cond); \
    } while (0)

#if defined(RC_DEBUG)
#define RC_NEVER(x) ((x) ? (rc_object__fatal(__FILE__, __LINE__, "NEVER(%s)", #x), 1) : 0)
#define RC_ALWAYS(x) ((x) ? 1 : (rc_object__fatal(__FILE__, __LINE__, "ALWAYS(%s)", #x), 0))
#else
#define RC_NEVER(x) (x)
#define RC_ALWAYS(x) (x)
#endif

#define RC_LIKELY(x) __builtin_expect(!!(x), 1)
#define RC_UNLIKELY(x) __builtin_expect(!!(x), 0)

/* ---- the collector header ------------------------------------------------- */

/* 16-byte aligned, so that list heads on the stack or in static state have
 * the same 4 free low bits as object headers (GC_PREV masks them off). */
typedef struct rc_gc_head {
    _Alignas(16) uintptr_t next;
    uintptr_t prev;
} rc_gc_head;
_Static_assert(sizeof(rc_gc_head) == 16, "the collector header is two words");

#define GC_PREV_FINALIZED ((uintptr_t)1)
#define GC_PREV_COLLECTING ((uintptr_t)2)
#define GC_PREV_WEAKREFS ((uintptr_t)4)
#define GC_PREV_FROZEN ((uintptr_t)8)
#define GC_PREV_FLAGS ((uintptr_t)15)
#define GC_PREV_KEEP (GC_PREV_FINALIZED | GC_PREV_WEAKREFS | GC_PREV_FROZEN)
#define GC_PREV_SHIFT 4
#define GC_NEXT_UNREACHABLE ((uintptr_t)1)

/* Reference count of an object that was freed (debug quarantine). */
#define RC_FREED_REFCNT ((intptr_t)-0x0dead)

static inline int rc_object__has_head(const rc_type *t)
{
    return t->traverse != NULL || t->finalize != NULL || (t->flags & RC_TYPE_WEAKREF) != 0;
}
static inline rc_gc_head *rc_gc__as_gc(rc_object *o) { return (rc_gc_head *)(void *)o - 1; }
static inline rc_object *rc_gc__from_gc(rc_gc_head *g) { return (rc_object *)(void *)(g + 1); }
static inline int rc_object__immortal(const rc_object *o) { return o->ob_refcnt >= RC_IMMORTAL_REFCNT / 2; }

/* ---- object.c ---------------------------------------------------------- */

/* Allocate an object of t with extra bytes; file may be NULL (the caller's
 * return address is then recorded as the site). */
rc_object *rc_object__alloc(const rc_type *t, size_t extra, const char *file, int line,
                            const char *func, void *caller);
/* Validate o as an instance of t for API function fn: sets RC_ERR_ARG or
 * RC_ERR_TYPE and returns -1, or returns 0. Aborts on a freed object in
 * debug builds. t NULL accepts any type. */
int rc_object__check(rc_object *o, const rc_type *t, const char *fn);
/* The checks of the stealing setters (rc_list_set, rc_tuple_set): 0 if item
 * is an object and container an instance of t; otherwise an error is set,
 * item (stolen even on failure) is released, and -1 returned. */
int rc_object__check_setter(rc_object *container, const rc_type *t, rc_object *item, const char *fn);
/* Free the block of o, whose dealloc has run (trace, live count, quarantine). */
void rc_object__free_block(rc_object *o);
extern size_t rc_object__live;

/* ---- error.c ------------------------------------------------------------- */

void rc_error__nomem(const char *fn);
/* Save and restore the thread's error around internal work (automatic
 * collections must not clobber the caller's error). */
typedef struct rc_error_saved {
    rc_error_class klass;
    char message[256];
} rc_error_saved;
void rc_error__save(rc_error_saved *out);
void rc_error__restore(const rc_error_saved *s);

/* ---- alloc.c ------------------------------------------------------------- */

void *rc_alloc__malloc(size_t size, const char *file, int line);
void *rc_alloc__realloc(void *p, size_t size, const char *file, int line);
void rc_alloc__free(void *p);
/* While on, freed pool blocks keep their contents past the first word
 * until turned off (they are not handed out again), which lets the
 * collector free garbage while later deallocs still decrement counts in
 * it. Returns 1 if that holds (the pool is in use), 0 otherwise. */
int rc_alloc__hold_reuse(int on);
/* 1 if p is a pool block. */
int rc_alloc__in_pool(const void *p);

/* ---- gc.c / gc_api.c ----------------------------------------------------- */

typedef struct rc_gc_generation {
    rc_gc_head head; /* sentinel of a circular doubly linked list */
    long threshold;
    long count;
} rc_gc_generation;

typedef struct rc_gc_cb {
    rc_gc_callback cb;
    void *arg;
} rc_gc_cb;

typedef struct rc_gc_state {
    rc_gc_generation gen[RC_GC_GENERATIONS];
    rc_gc_generation permanent;
    int enabled;
    int collecting;
    int safepoint_mode;
    int pending;
    unsigned debug;
    long long_lived_total;
    long long_lived_pending;
    rc_gc_stats stats[RC_GC_GENERATIONS];
    rc_gc_cb *callbacks;
    size_t ncallbacks, callbacks_cap;
    rc_object *garbage;
} rc_gc_state;

extern rc_gc_state rc_gc__state;

void rc_gc__init(void);
void rc_gc__collect_generations(void);
long rc_gc__collect_main(int generation);
void rc_gc__track(rc_gc_head *g);
void rc_gc__untrack(rc_gc_head *g);
int rc_gc__is_tracked_type(const rc_type *t);

static inline void rc_gc__maybe_collect(void)
{
    rc_gc_state *s = &rc_gc__state;
    if (RC_UNLIKELY(s->gen[0].count > s->gen[0].threshold) && s->enabled && s->gen[0].threshold > 0 &&
        !s->collecting)
        rc_gc__collect_generations();
}

/* ---- weakref.c ------------------------------------------------------------ */

/* Clear every weak reference to o (flag GC_PREV_WEAKREFS set) and queue
 * their callbacks on *queue (an intrusive list through the weakrefs, which
 * are increfed). */
void rc_weakref__clear_refs(rc_object *o, rc_object **queue);
/* Run and release the queued callbacks. Returns how many ran. */
size_t rc_weakref__run_callbacks(rc_object *queue);

/* ---- trace.c ------------------------------------------------------------- */

extern int rc_trace__on;
void rc_trace__add(void *block, size_t size, int domain, const rc_type *t, const char *file,
                   int line, const char *func, void *caller);
void rc_trace__remove(void *block);
void rc_trace__move(void *old_block, void *new_block, size_t new_size, const char *file, int line,
                    const char *func);
void rc_trace__init_from_env(void);

/* ---- key operations of the built-ins (int.c, str.c, tuple.c) ------------- */

size_t rc_int__hash(rc_object *self);
int rc_int__equal(rc_object *a, rc_object *b);
size_t rc_str__hash(rc_object *self);
int rc_str__equal(rc_object *a, rc_object *b);
size_t rc_tuple__hash(rc_object *self);
int rc_tuple__equal(rc_object *a, rc_object *b);

/* ---- str.c -------------------------------------------------------------- */

/* The hash a str of these bytes has. */
size_t rc_str__hash_bytes(const char *p, size_t len);

/* ---- list.c (used by the collector) ------------------------------------------ */

/* Append without triggering a collection check; returns 0 or -1. */
int rc_list__append(rc_object *list, rc_object *item);

#endif /* RC_INTERNAL_H */

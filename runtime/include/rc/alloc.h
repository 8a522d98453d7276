/*
 * rc/alloc.h - the runtime's allocator: raw buffers, a pluggable hook, and
 * a fault-injection mode for tests.
 *
 * Every byte the runtime allocates for objects and their buffers goes
 * through one hook that receives the caller's file and line (as libgit2's
 * git_allocator does). Allocation tracing (rc/trace.h) sees all of it: the
 * object domain for objects, the raw domain for rc_mem_* buffers. The
 * fault-injection mode fails the n-th allocation from now, as SQLite's
 * faultsim does; tests/support/fault.c drives it.
 */
#ifndef RC_ALLOC_H
#define RC_ALLOC_H

#include <stddef.h>

#include "annotate.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An allocator. Any member left NULL falls back to libc. Blocks must be
 *  16-byte aligned (the collector keeps flags in the low bits of header
 *  addresses). */
typedef struct rc_allocator {
    void *(*alloc)(size_t size, const char *file, int line, void *arg);
    void *(*realloc)(void *ptr, size_t size, const char *file, int line, void *arg);
    void (*free)(void *ptr, void *arg);
    void *arg;
} rc_allocator;

/**
 * Install an allocator (NULL restores libc's). Only call it while no block
 * from the previous allocator is alive.
 */
RC_API void rc_allocator_set(const rc_allocator *a);

/** Allocate a raw buffer (traced in the raw domain).
 *  @return owned buffer, NULL (RC_ERR_NOMEM) on failure or for size 0. */
RC_API void *rc_mem_alloc_at(size_t size, const char *file, int line, const char *func);
/** Resize a buffer from rc_mem_alloc (ptr may be NULL).
 *  @return the buffer; NULL (RC_ERR_NOMEM) on failure, ptr is then intact. */
RC_API void *rc_mem_realloc_at(void *ptr, size_t size, const char *file, int line,
                               const char *func);
/** Free a buffer from rc_mem_alloc (NULL is fine). */
RC_API void rc_mem_free(void *ptr);

#define rc_mem_alloc(size) rc_mem_alloc_at((size), __FILE__, __LINE__, __func__)
#define rc_mem_realloc(ptr, size) rc_mem_realloc_at((ptr), (size), __FILE__, __LINE__, __func__)

/**
 * Fault injection: make the nth allocation from now fail (1 = the next
 * one); with persistent set, that one and every later one fail. nth = 0
 * turns injection off. Counts object and raw allocations alike.
 */
RC_API void rc_alloc_fail_at(long nth, int persistent);

/** Allocations that failed by injection since the last rc_alloc_fail_at(). */
RC_API long rc_alloc_failures(void);

/** Allocations attempted through the hook since the program started. */
RC_API unsigned long rc_alloc_count(void);

#ifdef __cplusplus
}
#endif

#endif /* RC_ALLOC_H */

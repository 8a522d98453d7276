/*
 * alloc.c - the allocator hook, raw buffers and fault injection
 * (rc/alloc.h).
 *
 * Every allocation of the runtime, object or buffer, passes through
 * rc_alloc__malloc/realloc/free, which call the installed rc_allocator
 * (libc by default) and implement the fail-nth mode: fail_countdown counts
 * down on each attempt and the attempt that brings it to zero fails (and,
 * when persistent, every later one). Raw buffers from rc_mem_alloc are
 * traced in the raw domain.
 */
#include <stdlib.h>

#include "internal.h"

static rc_allocator current;
static long fail_countdown; /* 0: off */
static int fail_persistent;
static int fail_tripped;
static long fail_count;
static unsigned long alloc_attempts;

void rc_allocator_set(const rc_allocator *a)
{
    if (a)
        current = *a;
    else
        current = (rc_allocator){ 0 };
}

void rc_alloc_fail_at(long nth, int persistent)
{
    fail_countdown = nth > 0 ? nth : 0;
    fail_persistent = persistent;
    fail_tripped = 0;
    fail_count = 0;
}

long rc_alloc_failures(void) { return fail_count; }

unsigned long rc_alloc_count(void) { return alloc_attempts; }

/* 1 if this attempt must fail by injection. */
static int inject(void)
{
    alloc_attempts++;
    if (RC_LIKELY(fail_countdown == 0 && !fail_tripped))
        return 0;
    if (fail_tripped) {
        fail_count++;
        return 1;
    }
    if (--fail_countdown == 0) {
        fail_count++;
        fail_tripped = fail_persistent;
        return 1;
    }
    return 0;
}

void *rc_alloc__malloc(size_t size, const char *file, int line)
{
    if (inject())
        return NULL;
    if (current.alloc)
        return current.alloc(size, file, line, current.arg);
    return malloc(size);
}

void *rc_alloc__realloc(void *p, size_t size, const char *file, int line)
{
    if (inject())
        return NULL;
    if (current.realloc)
        return current.realloc(p, size, file, line, current.arg);
    return realloc(p, size);
}

void rc_alloc__free(void *p)
{
    if (p == NULL)
        return;
    if (current.free)
        current.free(p, current.arg);
    else
        free(p);
}

void *rc_mem_alloc_at(size_t size, const char *file, int line, const char *func)
{
    if (size == 0) {
        rc_error_set(RC_ERR_ARG, "rc_mem_alloc: size 0");
        return NULL;
    }
    void *p = rc_alloc__malloc(size, file, line);
    if (p == NULL) {
        rc_error__nomem("rc_mem_alloc");
        return NULL;
    }
    if (rc_trace__on)
        rc_trace__add(p, size, RC_TRACE_DOMAIN_RAW, NULL, file, line, func,
                      __builtin_return_address(0));
    return p;
}

void *rc_mem_realloc_at(void *ptr, size_t size, const char *file, int line, const char *func)
{
    if (ptr == NULL)
        return rc_mem_alloc_at(size, file, line, func);
    if (size == 0) {
        rc_error_set(RC_ERR_ARG, "rc_mem_realloc: size 0");
        return NULL;
    }
    void *p = rc_alloc__realloc(ptr, size, file, line);
    if (p == NULL) {
        rc_error__nomem("rc_mem_realloc");
        return NULL;
    }
    if (rc_trace__on)
        rc_trace__move(ptr, p, size, file, line, func);
    return p;
}

void rc_mem_free(void *ptr)
{
    if (ptr == NULL)
        return;
    if (rc_trace__on)
        rc_trace__remove(ptr);
    rc_alloc__free(ptr);
}

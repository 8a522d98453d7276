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
 *
 * The pool: with the default allocator, blocks of up to POOL_MAX bytes come
 * from size classes of 16 bytes, carved from 1 MiB arenas aligned to their
 * size; a freed block goes on its class's free list (linked through its
 * first word). Objects of one class therefore sit densely in allocation
 * order, which the collector's list walks exploit, and malloc/free cost a
 * few instructions. A block belongs to the pool iff its arena's bit is set
 * in a two-level bitmap over the address space (no dereference of foreign
 * memory). Arenas are never returned to the system: memory is reused, the
 * footprint is the peak. The pool is off when a custom allocator is
 * installed and in AddressSanitizer builds (so ASan sees every block).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* RC_FORCE_POOL keeps the pool in a sanitizer build (the test suite uses
 * it to run the collector's release paths under ASan). */
#if !defined(RC_FORCE_POOL)
#if defined(__SANITIZE_ADDRESS__)
#define RC_NO_POOL 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RC_NO_POOL 1
#endif
#endif
#endif

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

#ifndef RC_NO_POOL
#define POOL_MAX 512
#define POOL_CLASSES (POOL_MAX / 16)
#define ARENA_SHIFT 20
#define ARENA_SIZE ((size_t)1 << ARENA_SHIFT)

typedef struct pool_arena {
    size_t block; /* block size of this arena's class */
} pool_arena;

typedef struct pool_class {
    void *free_list;
    char *bump, *bump_end;
} pool_class;

static pool_class classes[POOL_CLASSES + 1];
static void **arenas; /* every arena, so leak checkers see them referenced */
static size_t narenas, arenas_cap;
static int hold_reuse; /* free lists are not handed out while set */

/* arena_bits[a >> 32] is a bitmap of the 4096 arenas in that 4 GiB region. */
#define REGION_SHIFT 32
#define REGIONS ((size_t)1 << (47 - REGION_SHIFT))
static uint64_t *arena_bits[REGIONS];

static int pool_owns(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    if (RC_UNLIKELY(a >> 47))
        return 0;
    const uint64_t *bits = arena_bits[a >> REGION_SHIFT];
    if (bits == NULL)
        return 0;
    size_t i = (a >> ARENA_SHIFT) & ((1u << (REGION_SHIFT - ARENA_SHIFT)) - 1);
    return (bits[i >> 6] >> (i & 63)) & 1;
}

static int pool_grow(pool_class *c, size_t block)
{
    if (narenas == arenas_cap) {
        size_t cap = arenas_cap ? arenas_cap * 2 : 16;
        void **p = realloc(arenas, cap * sizeof(*p));
        if (p == NULL)
            return -1;
        arenas = p;
        arenas_cap = cap;
    }
    char *arena = aligned_alloc(ARENA_SIZE, ARENA_SIZE);
    if (arena == NULL)
        return -1;
    uintptr_t a = (uintptr_t)arena;
    if (a >> 47) {
        free(arena);
        return -1;
    }
    uint64_t **bits = &arena_bits[a >> REGION_SHIFT];
    if (*bits == NULL) {
        *bits = calloc(((size_t)1 << (REGION_SHIFT - ARENA_SHIFT)) / 64, sizeof(uint64_t));
        if (*bits == NULL) {
            free(arena);
            return -1;
        }
    }
    size_t i = (a >> ARENA_SHIFT) & ((1u << (REGION_SHIFT - ARENA_SHIFT)) - 1);
    (*bits)[i >> 6] |= (uint64_t)1 << (i & 63);
    ((pool_arena *)(void *)arena)->block = block;
    arenas[narenas++] = arena;
    /* The arena header takes the first 64 bytes; blocks stay 16-aligned. */
    c->bump = arena + 64;
    c->bump_end = arena + ARENA_SIZE;
    return 0;
}

static void *pool_alloc(size_t size)
{
    size_t k = (size + 15) >> 4;
    pool_class *c = &classes[k];
    void *p = c->free_list;
    if (RC_LIKELY(p != NULL && !hold_reuse)) {
        c->free_list = *(void **)p;
        return p;
    }
    size_t block = k << 4;
    if (RC_UNLIKELY(c->bump + block > c->bump_end) && pool_grow(c, block) < 0)
        return NULL;
    p = c->bump;
    c->bump += block;
    return p;
}

static size_t pool_block_size(const void *p)
{
    return ((const pool_arena *)(uintptr_t)((uintptr_t)p & ~(ARENA_SIZE - 1)))->block;
}

static void pool_free(void *p)
{
    pool_class *c = &classes[pool_block_size(p) >> 4];
    *(void **)p = c->free_list;
    c->free_list = p;
}
#endif

int rc_alloc__in_pool(const void *p)
{
#ifndef RC_NO_POOL
    return pool_owns(p);
#else
    (void)p;
    return 0;
#endif
}

int rc_alloc__hold_reuse(int on)
{
#ifndef RC_NO_POOL
    if (current.alloc == NULL && current.free == NULL) {
        hold_reuse = on;
        return 1;
    }
#endif
    (void)on;
    return 0;
}

void *rc_alloc__malloc(size_t size, const char *file, int line)
{
    if (inject())
        return NULL;
    if (current.alloc)
        return current.alloc(size, file, line, current.arg);
#ifndef RC_NO_POOL
    if (size <= POOL_MAX && size > 0)
        return pool_alloc(size);
#endif
    return malloc(size);
}

void *rc_alloc__realloc(void *p, size_t size, const char *file, int line)
{
    if (inject())
        return NULL;
#ifndef RC_NO_POOL
    /* Pool blocks stay the pool's even if an allocator was installed since. */
    if (p != NULL && pool_owns(p)) {
        size_t old = pool_block_size(p);
        if (size <= old && size > 0)
            return p;
        void *q = size <= POOL_MAX ? pool_alloc(size) : malloc(size);
        if (q == NULL)
            return NULL;
        memcpy(q, p, old < size ? old : size);
        pool_free(p);
        return q;
    }
#endif
    if (current.realloc)
        return current.realloc(p, size, file, line, current.arg);
#ifndef RC_NO_POOL
    if (p == NULL && size <= POOL_MAX && size > 0)
        return pool_alloc(size);
#endif
    return realloc(p, size);
}

void rc_alloc__free(void *p)
{
    if (p == NULL)
        return;
#ifndef RC_NO_POOL
    if (pool_owns(p)) {
        pool_free(p);
        return;
    }
#endif
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

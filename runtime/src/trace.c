/*
 * trace.c - recording allocations (rc/trace.h, first half): start/stop,
 * the per-block trace table, interned sites, current/peak counters and the
 * object -> site lookup.
 *
 * Hot path (rc_trace__add/remove, called from the allocator only while
 * rc_trace__on): look the site up in a small direct-mapped cache keyed by
 * (file, line, func, caller pc, type) - a loop allocating at one site hits it
 * every time - else hash and intern it; then one ptrmap insertion. Frames
 * beyond the first come from backtrace(), starting after the caller's return
 * address, and are interned by their raw addresses.
 */
#include <execinfo.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include "trace_internal.h"

int rc_trace__on;
rc_tracer rc_trace__state;

#define CACHE_SIZE 64

typedef struct site_cache_entry {
    const char *file;
    const char *func;
    const rc_type *type;
    void *pc;
    int line;
    int domain;
    uint32_t site;
} site_cache_entry;

static site_cache_entry site_cache[CACHE_SIZE];

static rc_trace_page *last_page; /* the page record used last */

static void forget_all(void)
{
    rc_tracer *tr = &rc_trace__state;
    for (size_t i = 0; i < tr->pages.cap; i++)
        if (tr->pages.slots[i].key)
            free((void *)(uintptr_t)tr->pages.slots[i].value);
    rc_ptrmap__dispose(&tr->pages);
    last_page = NULL;
    tr->ntraces = 0;
    for (size_t i = 0; i < tr->nsites; i++)
        free(tr->sites[i].frames);
    free(tr->sites);
    free(tr->index);
    tr->sites = NULL;
    tr->index = NULL;
    tr->nsites = tr->sites_cap = tr->index_cap = 0;
    tr->frames_bytes = 0;
    tr->current = tr->peak = 0;
    tr->dropped = 0;
    memset(site_cache, 0, sizeof(site_cache));
}

int rc_trace_start(int nframes)
{
    if (nframes < 1 || nframes > RC_TRACE_MAX_FRAMES) {
        rc_error_set(RC_ERR_ARG, "rc_trace_start: nframes %d is not in 1..%d", nframes,
                     RC_TRACE_MAX_FRAMES);
        return -1;
    }
    if (nframes > 1) {
        void *warm[2];
        backtrace(warm, 2); /* loads the unwinder now, not inside an allocation */
    }
    rc_trace__state.nframes = nframes;
    rc_trace__on = 1;
    return 0;
}

void rc_trace_stop(void)
{
    rc_trace__on = 0;
    rc_trace__state.nframes = 0;
    forget_all();
}

int rc_trace_is_tracing(void) { return rc_trace__on; }
int rc_trace_get_nframes(void) { return rc_trace__on ? rc_trace__state.nframes : 0; }

void rc_trace_get_traced_memory(size_t *out_current, size_t *out_peak)
{
    if (out_current)
        *out_current = rc_trace__state.current;
    if (out_peak)
        *out_peak = rc_trace__state.peak;
}

void rc_trace_reset_peak(void) { rc_trace__state.peak = rc_trace__state.current; }

void rc_trace_clear(void)
{
    int nframes = rc_trace__state.nframes;
    forget_all();
    rc_trace__state.nframes = nframes;
}

size_t rc_trace_get_tracer_memory(void)
{
    rc_tracer *tr = &rc_trace__state;
    return rc_ptrmap__memory(&tr->pages) + tr->pages.used * sizeof(rc_trace_page) +
           tr->sites_cap * sizeof(rc_trace_site) +
           tr->index_cap * sizeof(uint32_t) + tr->frames_bytes;
}

size_t rc_trace_count(void) { return rc_trace__state.ntraces; }

/* ---- the trace table ---------------------------------------------------------- */

/* The page record of addr; created when create is set (NULL if out of
 * memory). */
static rc_trace_page *page_of(uintptr_t addr, int create)
{
    uintptr_t base = addr & ~(((uintptr_t)1 << TRACE_PAGE_SHIFT) - 1);
    if (RC_LIKELY(last_page != NULL && last_page->base == base))
        return last_page;
    rc_tracer *tr = &rc_trace__state;
    rc_ptrmap_entry *e = rc_ptrmap__get(&tr->pages, base);
    if (e == NULL) {
        if (!create)
            return NULL;
        rc_trace_page *p = calloc(1, sizeof(*p));
        if (p == NULL)
            return NULL;
        e = rc_ptrmap__put(&tr->pages, base);
        if (e == NULL) {
            free(p);
            return NULL;
        }
        p->base = base;
        e->value = (uintptr_t)p;
    }
    last_page = (rc_trace_page *)(uintptr_t)e->value;
    return last_page;
}

static inline unsigned granule(uintptr_t addr) { return (unsigned)(addr >> 4) & (TRACE_GRANULES - 1); }

/* The trace word of block, or NULL if it is not traced. */
static uint64_t *trace_get(const void *block)
{
    rc_trace_page *p = page_of((uintptr_t)block, 0);
    if (p == NULL)
        return NULL;
    uint64_t *w = &p->slot[granule((uintptr_t)block)];
    return *w ? w : NULL;
}

/* Store the trace word of block; returns the previous word (0 if none), or
 * UINT64_MAX if out of memory. */
static uint64_t trace_put(const void *block, uint64_t value)
{
    rc_trace_page *p = page_of((uintptr_t)block, 1);
    if (p == NULL)
        return UINT64_MAX;
    uint64_t *w = &p->slot[granule((uintptr_t)block)];
    uint64_t old = *w;
    if (old == 0) {
        p->count++;
        rc_trace__state.ntraces++;
    }
    *w = value;
    return old;
}

static void trace_del(uint64_t *w)
{
    *w = 0;
    last_page->count--; /* trace_get just looked the page up */
    rc_trace__state.ntraces--;
}

/* ---- site interning --------------------------------------------------------- */

static uint32_t hash_frames(int domain, const rc_type *t, const rc_trace_frame *f, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)domain ^ ((uint64_t)(uintptr_t)t << 7);
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (uint64_t)(uintptr_t)f[i].file) * 0x100000001b3ull;
        h = (h ^ (uint64_t)(unsigned)f[i].line) * 0x100000001b3ull;
        h = (h ^ (uint64_t)(uintptr_t)f[i].func) * 0x100000001b3ull;
        h = (h ^ (uint64_t)(uintptr_t)f[i].pc) * 0x100000001b3ull;
    }
    return (uint32_t)(h ^ (h >> 32));
}

static int same_site(const rc_trace_site *s, int domain, const rc_type *t, uint32_t hash,
                     const rc_trace_frame *f, size_t n)
{
    return s->hash == hash && s->domain == domain && s->type == t && s->nframes == n &&
           memcmp(s->frames, f, n * sizeof(*f)) == 0;
}

static int grow_index(rc_tracer *tr)
{
    size_t cap = tr->index_cap ? tr->index_cap * 2 : 256;
    uint32_t *index = calloc(cap, sizeof(uint32_t));
    if (index == NULL)
        return -1;
    for (size_t i = 0; i < tr->nsites; i++) {
        size_t j = tr->sites[i].hash & (cap - 1);
        while (index[j] != 0)
            j = (j + 1) & (cap - 1);
        index[j] = (uint32_t)i + 1;
    }
    free(tr->index);
    tr->index = index;
    tr->index_cap = cap;
    return 0;
}

/* The id of the site, interned if new; UINT32_MAX if out of memory. */
static uint32_t intern(int domain, const rc_type *t, const rc_trace_frame *f, size_t n)
{
    rc_tracer *tr = &rc_trace__state;
    uint32_t hash = hash_frames(domain, t, f, n);
    if ((tr->nsites + 1) * 2 > tr->index_cap && grow_index(tr) < 0)
        return UINT32_MAX;
    size_t j = hash & (tr->index_cap - 1);
    for (; tr->index[j] != 0; j = (j + 1) & (tr->index_cap - 1)) {
        uint32_t id = tr->index[j] - 1;
        if (same_site(&tr->sites[id], domain, t, hash, f, n))
            return id;
    }
    if (tr->nsites == tr->sites_cap) {
        size_t cap = tr->sites_cap ? tr->sites_cap * 2 : 64;
        rc_trace_site *sites = realloc(tr->sites, cap * sizeof(*sites));
        if (sites == NULL)
            return UINT32_MAX;
        tr->sites = sites;
        tr->sites_cap = cap;
    }
    rc_trace_frame *copy = malloc(n * sizeof(*copy));
    if (copy == NULL)
        return UINT32_MAX;
    memcpy(copy, f, n * sizeof(*copy));
    tr->frames_bytes += n * sizeof(*copy);
    uint32_t id = (uint32_t)tr->nsites++;
    tr->sites[id] = (rc_trace_site){ domain, t, hash, (uint32_t)n, copy };
    tr->index[j] = id + 1;
    return id;
}

/* Frames 1.. from backtrace(), starting after the caller's return address. */
static size_t capture_callers(rc_trace_frame *f, size_t max, void *caller)
{
    void *buf[RC_TRACE_MAX_FRAMES + 16];
    int got = backtrace(buf, (int)(max + 16));
    int start = -1;
    for (int i = 0; i < got; i++) {
        if (buf[i] == caller) {
            start = i + 1;
            break;
        }
    }
    if (start < 0)
        start = got < 4 ? got : 4;
    size_t n = 0;
    for (int i = start; i < got && n < max; i++)
        f[n++] = (rc_trace_frame){ NULL, 0, NULL, buf[i] };
    return n;
}

static uint32_t site_of(int domain, const rc_type *t, const char *file, int line,
                        const char *func, void *caller)
{
    rc_tracer *tr = &rc_trace__state;
    size_t slot = 0;
    if (tr->nframes == 1) {
        uintptr_t k = (uintptr_t)file ^ ((uintptr_t)line << 5) ^ (uintptr_t)t ^ (uintptr_t)caller;
        slot = (size_t)((k * 0x9E3779B97F4A7C15ull) >> 58) & (CACHE_SIZE - 1);
        site_cache_entry *c = &site_cache[slot];
        if (c->file == file && c->line == line && c->func == func && c->type == t &&
            c->domain == domain && c->pc == (file ? NULL : caller) && c->site != 0)
            return c->site - 1;
    }
    rc_trace_frame frames[RC_TRACE_MAX_FRAMES];
    /* User sites are identified by file:line; built-in constructors (file
     * NULL) by their name and the address they were called from. */
    frames[0] = (rc_trace_frame){ file, line, func, file ? NULL : caller };
    size_t n = 1;
    if (tr->nframes > 1)
        n += capture_callers(frames + 1, (size_t)tr->nframes - 1, caller);
    uint32_t id = intern(domain, t, frames, n);
    if (tr->nframes == 1 && id != UINT32_MAX)
        site_cache[slot] = (site_cache_entry){ file, func, t, frames[0].pc, line, domain, id + 1 };
    return id;
}

void rc_trace__add(void *block, size_t size, int domain, const rc_type *t, const char *file,
                   int line, const char *func, void *caller)
{
    rc_tracer *tr = &rc_trace__state;
    uint32_t id = site_of(domain, t, file, line, func, caller);
    uint64_t old = id >= TRACE_MAX_SITES || size >> TRACE_SIZE_BITS
                       ? UINT64_MAX
                       : trace_put(block, TRACE_VALUE(size, id));
    if (old == UINT64_MAX) {
        tr->dropped++;
        return;
    }
    tr->current += size - TRACE_SIZE(old);
    if (tr->current > tr->peak)
        tr->peak = tr->current;
}

void rc_trace__remove(void *block)
{
    rc_tracer *tr = &rc_trace__state;
    uint64_t *w = trace_get(block);
    if (w == NULL)
        return;
    tr->current -= TRACE_SIZE(*w);
    trace_del(w);
}

void rc_trace__move(void *old_block, void *new_block, size_t new_size, const char *file, int line,
                    const char *func)
{
    rc_tracer *tr = &rc_trace__state;
    uint64_t *w = trace_get(old_block);
    if (w == NULL) {
        rc_trace__add(new_block, new_size, RC_TRACE_DOMAIN_RAW, NULL, file, line, func, NULL);
        return;
    }
    uint32_t id = TRACE_SITE(*w);
    tr->current -= TRACE_SIZE(*w);
    trace_del(w);
    uint64_t old = new_size >> TRACE_SIZE_BITS ? UINT64_MAX : trace_put(new_block, TRACE_VALUE(new_size, id));
    if (old == UINT64_MAX) {
        tr->dropped++;
        return;
    }
    tr->current += new_size;
    if (tr->current > tr->peak)
        tr->peak = tr->current;
}

/* The site of o's trace, or NULL. */
static const rc_trace_site *object_site(const rc_object *o)
{
    const char *block = (const char *)o - (rc_object__has_head(o->ob_type) ? sizeof(rc_gc_head) : 0);
    uint64_t *w = trace_get(block);
    return w ? &rc_trace__state.sites[TRACE_SITE(*w)] : NULL;
}

int rc_trace_get_object_site(rc_trace_frame *out, const rc_object *o)
{
    if (out == NULL || o == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_trace_get_object_site: NULL argument");
        return -1;
    }
    const rc_trace_site *site = object_site(o);
    if (site == NULL)
        return 0;
    *out = site->frames[0];
    return 1;
}

int rc_trace_get_object_traceback(rc_trace_traceback *out, const rc_object *o)
{
    if (out == NULL || o == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_trace_get_object_traceback: NULL argument");
        return -1;
    }
    const rc_trace_site *site = object_site(o);
    if (site == NULL)
        return 0;
    *out = (rc_trace_traceback){ site->nframes, site->frames };
    return 1;
}

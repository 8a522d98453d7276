/*
 * trace_internal.h - the tracer's tables, shared by trace.c (recording) and
 * trace_report.c (snapshots, statistics, leak report).
 *
 * A site is an interned (domain, type, traceback) triple. A trace is one
 * word, size (low 40 bits) | site id (high 24 bits), stored in the page
 * record of its block's 4 KiB page at the block's 16-byte granule (blocks
 * are 16-aligned, so no two share a granule): pages maps page address ->
 * record. Sequential allocations therefore write sequential words of one
 * record, with no hashing or probing per block - the reason tracing costs
 * little (measured under 2x on an allocate-and-release loop). Sites live until
 * rc_trace_stop() or rc_trace_clear(); snapshots copy what they need.
 */
#ifndef RC_TRACE_INTERNAL_H
#define RC_TRACE_INTERNAL_H

#include "internal.h"
#include "ptrmap.h"

typedef struct rc_trace_site {
    int domain;
    const rc_type *type;  /* NULL for raw buffers */
    uint32_t hash;
    uint32_t nframes;
    rc_trace_frame *frames; /* nframes entries, libc malloc */
} rc_trace_site;

#define TRACE_PAGE_SHIFT 12
#define TRACE_GRANULES (1u << (TRACE_PAGE_SHIFT - 4))

typedef struct rc_trace_page {
    uintptr_t base;  /* address of the page */
    uint32_t count;  /* non-zero slots */
    uint64_t slot[TRACE_GRANULES];
} rc_trace_page;

typedef struct rc_tracer {
    int nframes;
    size_t current, peak;
    rc_ptrmap pages;  /* page address -> rc_trace_page * (kept when empty) */
    size_t ntraces;
    rc_trace_site *sites;
    size_t nsites, sites_cap;
    uint32_t *index; /* open-addressed site ids + 1, 0 empty */
    size_t index_cap;
    size_t frames_bytes;
    unsigned long dropped; /* traces lost to tracer OOM */
} rc_tracer;

extern rc_tracer rc_trace__state;

#define TRACE_SIZE_BITS 40
#define TRACE_MAX_SITES ((uint32_t)1 << (64 - TRACE_SIZE_BITS))
#define TRACE_SIZE(v) ((size_t)((v) & (((uint64_t)1 << TRACE_SIZE_BITS) - 1)))
#define TRACE_SITE(v) ((uint32_t)((v) >> TRACE_SIZE_BITS))
#define TRACE_VALUE(size, site) ((uint64_t)(size) | ((uint64_t)(site) << TRACE_SIZE_BITS))

/* Snapshots (trace_report.c, trace_dump.c). */
typedef struct snap_trace {
    size_t size;
    uint32_t site;
} snap_trace;

typedef struct snap_site {
    int domain;
    const char *type_name;
    rc_trace_traceback tb;
} snap_site;

struct rc_trace_snapshot {
    size_t ntraces;
    snap_trace *traces;
    size_t nsites;
    snap_site *sites;
    rc_trace_frame *frames; /* every site's frames, one block */
    size_t total;
    char *strings; /* loaded snapshots: the file, function and type names */
};

rc_trace_snapshot *rc_trace__snapshot_alloc(size_t ntraces, size_t nsites, size_t nframes);


#endif /* RC_TRACE_INTERNAL_H */

/*
 * trace_internal.h - the tracer's tables, shared by trace.c (recording) and
 * trace_report.c (snapshots, statistics, leak report).
 *
 * A site is an interned (domain, type, traceback) triple; a trace is a
 * ptrmap entry block -> (v0 = size, v1 = site id). Sites live until
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

typedef struct rc_tracer {
    int nframes;
    size_t current, peak;
    rc_ptrmap traces;
    rc_trace_site *sites;
    size_t nsites, sites_cap;
    uint32_t *index; /* open-addressed site ids + 1, 0 empty */
    size_t index_cap;
    size_t frames_bytes;
    unsigned long dropped; /* traces lost to tracer OOM */
} rc_tracer;

extern rc_tracer rc_trace__state;

#endif /* RC_TRACE_INTERNAL_H */

/*
 * rc/trace.h - allocation tracing (CPython's tracemalloc, in C) and the
 * leak report at exit.
 *
 * While tracing, every block the runtime allocates (objects: domain 0; raw
 * buffers from rc_mem_alloc: domain 1) is recorded with its size and a
 * traceback. Frame 0 is the allocation site the rc_new()/rc_mem_alloc()
 * macro captured (file, line, function); with nframes > 1 the callers come
 * from glibc's backtrace() as return addresses, symbolised only when
 * printed. Tracebacks are interned, so a trace costs one table entry.
 *
 * Snapshots are copies: they stay valid after rc_trace_stop(). Statistics
 * group a snapshot's traces by file, by site (file:line), by traceback or by
 * type, sorted by size then count (largest first); a comparison of two
 * snapshots adds the differences.
 *
 * Leak report: with RC_LEAKCHECK=1 in the environment, tracing starts when
 * the library loads and, at exit, after a final full collection, the
 * objects still alive are printed to stderr grouped by type and site and the
 * process exits with RC_LEAK_EXIT_CODE (format in runtime/README.md).
 */
#ifndef RC_TRACE_H
#define RC_TRACE_H

#include <stddef.h>
#include <stdio.h>

#include "annotate.h"
#include "object.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Most frames a traceback can hold. */
#define RC_TRACE_MAX_FRAMES 64
/** Exit status of a process whose leak report found live objects. */
#define RC_LEAK_EXIT_CODE 66

/** Trace domains. */
#define RC_TRACE_DOMAIN_OBJECT 0
#define RC_TRACE_DOMAIN_RAW 1

/** One frame. Frame 0 has file/line/func; deeper frames have only pc
 *  (file NULL) until symbolised by rc_trace_frame_format(). */
typedef struct rc_trace_frame {
    const char *file;
    int line;
    const char *func;
    void *pc;
} rc_trace_frame;

/** An interned traceback (most recent call first). */
typedef struct rc_trace_traceback {
    size_t nframes;
    const rc_trace_frame *frames;
} rc_trace_traceback;

/** Start tracing with up to nframes frames per traceback (1..RC_TRACE_MAX_FRAMES).
 *  Tracing already on keeps its traces and takes the new depth.
 *  @return 0, or -1 (RC_ERR_ARG, RC_ERR_NOMEM). */
RC_API int rc_trace_start(int nframes);
/** Stop tracing and forget every trace (counters go to 0). */
RC_API void rc_trace_stop(void);
/** 1 while tracing, else 0. */
RC_API int rc_trace_is_tracing(void);
/** @return the traceback depth, 0 when not tracing. */
RC_API int rc_trace_get_nframes(void);
/** Current and peak bytes of traced blocks (either pointer may be NULL). */
RC_API void rc_trace_get_traced_memory(size_t *out_current, size_t *out_peak);
/** Set the peak to the current value. */
RC_API void rc_trace_reset_peak(void);
/** Forget every trace but keep tracing (counters go to 0). */
RC_API void rc_trace_clear(void);
/** Bytes used by the tracer's own tables. */
RC_API size_t rc_trace_get_tracer_memory(void);
/** Number of blocks traced now. */
RC_API size_t rc_trace_count(void);

/** Copy frame 0 of o's trace to *out.
 *  @return 1 if o is traced, 0 if not, -1 (RC_ERR_ARG) for NULL arguments. */
RC_API int rc_trace_get_object_site(rc_trace_frame *out, const rc_object *o);

/** A snapshot: a copy of the traces at one moment. Plain C, not an object. */
typedef struct rc_trace_snapshot rc_trace_snapshot;

/** Take a snapshot (empty if not tracing).
 *  @return owned snapshot (free with rc_trace_snapshot_free), NULL (RC_ERR_NOMEM). */
RC_API rc_trace_snapshot *rc_trace_take_snapshot(void);
/** Free a snapshot (NULL is fine). */
RC_API void rc_trace_snapshot_free(rc_trace_snapshot *s);
/** Number of traces and total bytes in s (0 for NULL). */
RC_API size_t rc_trace_snapshot_count(const rc_trace_snapshot *s);
RC_API size_t rc_trace_snapshot_size(const rc_trace_snapshot *s);

/** Write s to out as text (format in runtime/src/trace_dump.c).
 *  @return 0, or -1 (RC_ERR_ARG, RC_ERR_OS). */
RC_API int rc_trace_snapshot_dump(const rc_trace_snapshot *s, FILE *out);
/** Read a snapshot written by rc_trace_snapshot_dump.
 *  @return owned snapshot, NULL (RC_ERR_ARG for a malformed file, RC_ERR_NOMEM). */
RC_API rc_trace_snapshot *rc_trace_snapshot_load(FILE *in);

/** The whole traceback of o's trace, most recent call first; the frames
 *  are the tracer's and stay valid until rc_trace_stop()/rc_trace_clear().
 *  @return 1 if o is traced, 0 if not, -1 (RC_ERR_ARG) for NULL arguments. */
RC_API int rc_trace_get_object_traceback(rc_trace_traceback *out, const rc_object *o);

/** A filter on traces (tracemalloc.Filter). */
typedef struct rc_trace_filter {
    int inclusive;            /**< 1: keep matching traces; 0: drop them */
    const char *file_pattern; /**< fnmatch pattern on the frame's file */
    int line;                 /**< 0: any line */
    int all_frames;           /**< match any frame, not only frame 0 */
    int domain;               /**< -1: any domain */
} rc_trace_filter;

/** A new snapshot with the traces of s that pass the filters: kept if they
 *  match at least one inclusive filter (when there are any) and no
 *  exclusive one. @return owned snapshot, NULL (RC_ERR_ARG, RC_ERR_NOMEM). */
RC_API rc_trace_snapshot *rc_trace_snapshot_filter(const rc_trace_snapshot *s,
                                                   const rc_trace_filter *filters, size_t n);

/** Grouping keys. */
typedef enum rc_trace_key {
    RC_TRACE_BY_FILE = 0,
    RC_TRACE_BY_LINE,      /**< file:line of frame 0 (the allocation site) */
    RC_TRACE_BY_TRACEBACK, /**< the whole traceback */
    RC_TRACE_BY_TYPE       /**< the object's type name ("raw" for buffers) */
} rc_trace_key;

/** One group. For BY_FILE only file is set; BY_LINE file, line, func;
 *  BY_TRACEBACK traceback (and frame 0 in file/line/func); BY_TYPE type_name. */
typedef struct rc_trace_stat {
    const char *file;
    int line;
    const char *func;
    const char *type_name;
    rc_trace_traceback traceback;
    size_t size;
    size_t count;
    long long size_diff;  /**< comparisons only */
    long long count_diff; /**< comparisons only */
} rc_trace_stat;

/** A sorted array of groups. */
typedef struct rc_trace_stats {
    size_t n;
    rc_trace_stat *items;
} rc_trace_stats;

/** Group s by key; cumulative (BY_FILE and BY_LINE only) charges a trace to
 *  every distinct frame of its traceback. Sorted by size, then count,
 *  descending. @return owned result (free with rc_trace_stats_free), NULL
 *  (RC_ERR_ARG, RC_ERR_NOMEM). Strings and tracebacks point into s, which
 *  must outlive the result. */
RC_API rc_trace_stats *rc_trace_snapshot_statistics(const rc_trace_snapshot *s, rc_trace_key key,
                                                    int cumulative);
/** Group both snapshots by key and subtract: size_diff = newer - older.
 *  Sorted by |size_diff|, size, |count_diff|, count, descending. Groups
 *  only in older appear with size 0. Both must outlive the result.
 *  @return owned result, NULL (RC_ERR_ARG, RC_ERR_NOMEM). */
RC_API rc_trace_stats *rc_trace_snapshot_compare(const rc_trace_snapshot *newer,
                                                 const rc_trace_snapshot *older,
                                                 rc_trace_key key, int cumulative);
/** Free statistics (NULL is fine). */
RC_API void rc_trace_stats_free(rc_trace_stats *st);
/** Print up to limit groups (0: all), one per line.
 *  @return 0, or -1 (RC_ERR_ARG, RC_ERR_OS). */
RC_API int rc_trace_stats_print(const rc_trace_stats *st, FILE *out, size_t limit);

/** Format a frame as "file:line in func" or "func+0xoff (module)" into buf.
 *  @return buf. */
RC_API char *rc_trace_frame_format(const rc_trace_frame *f, char *buf, size_t size);

/**
 * Print the leak report to out (format in runtime/README.md): a first line
 * "rc leak report: N objects alive", then one line per (type, site) group.
 * Prints nothing when N is 0. Does not collect first.
 * @return N, the number of live heap objects (immortal ones excluded).
 */
RC_API size_t rc_trace_leak_report(FILE *out);

#ifdef __cplusplus
}
#endif

#endif /* RC_TRACE_H */

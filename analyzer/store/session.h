/*
 * session.h — the findings database as `refcheck check` uses it: one run,
 * the incremental decision for each translation unit, cross-TU summaries,
 * and the record of each analysed TU (issue 5, items 1, 3 and 4).
 *
 * Threads: everything runs on the main thread (the only writer) except
 * store_session_seed and store_session_collect, which workers call while
 * the main thread waits for the pass; they only read the pass's summary
 * snapshot, which does not change during a pass.
 *
 * Cross-TU summaries: a fixed point over passes, bounded. Each pass
 * analyses its TUs with the summaries other TUs had when the pass started
 * (from the database: stored by earlier runs or by earlier passes of this
 * one). A TU remembers, as dependencies "summary:NAME", the summary of
 * every function it calls that it does not define ("none" if there was
 * none). After a pass, a TU whose callees' summaries changed is analysed
 * again in the next pass, until nothing changes or STORE_MAX_PASSES. The
 * same dependencies make a later run re-analyse the callers of a changed
 * function, and only them.
 */
#ifndef REFCHECK_STORE_SESSION_H
#define REFCHECK_STORE_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct analyze_result;
struct finding_list;
struct ir_tu;
struct model;
struct model_tu;

#define STORE_MAX_PASSES 4

struct store_session_options {
	const char *db_path;            /* NULL: STORE_DEFAULT_PATH */
	const char *version;            /* refcheck's version */
	const char *config;             /* options that change results (checks, limits) */
	const char *args;               /* the command line, for the runs table */
	const char *const *packs;       /* the packs' files (their bytes are hashed) */
	uint32_t npacks;
	const char *pack_names;         /* "runtime,cpython", for the runs table */
	bool reanalyse;                 /* analyse every TU even if unchanged */
	/* The packs: a function they describe has no use for an inferred
	 * summary (packs and annotations win), so calling it is no dependency. */
	const struct model *model;
};

/* What the store needs to know of a job (the driver's fe_job). */
struct store_job {
	const char *path;
	const char *const *argv;
	uint32_t argc;
	const char *directory;          /* NULL: the current folder */
};

struct store_session;
struct store_tu_data;

/* Open (or create) the database and begin a run. */
int store_session_open(struct store_session **out, const struct store_session_options *o,
                       struct err *e);
/* Close; a run that was not finished stays incomplete (reports skip it). */
void store_session_close(struct store_session *s);
struct store *store_session_store(struct store_session *s);
int64_t store_session_run(const struct store_session *s);

/* Before the first pass: need[i] = job i must be parsed and analysed;
 * the others are unchanged and their stored findings will be reused. */
int store_session_plan(struct store_session *s, const struct store_job *jobs, size_t n,
                       bool *need, struct err *e);

/* analyze_options.seed (arg = the session): feed the summaries of the
 * functions the TU calls but other TUs define into mt. Worker threads. */
void store_session_seed(void *arg, struct model_tu *mt, const struct ir_tu *tu);
/* On the worker, after analyze_tu: set the findings' fingerprints and take
 * from the TU (which dies next) what recording it needs. */
struct store_tu_data *store_session_collect(struct store_session *s, const struct ir_tu *tu,
                                            struct analyze_result *res);
void store_tu_data_free(struct store_tu_data *d);

/* Record analysed job i (its findings with fingerprints). failed: it had
 * errors (parse errors), so it is never reused. */
int store_session_record(struct store_session *s, size_t i, const struct store_tu_data *d,
                         const struct finding_list *findings, uint32_t partial, bool failed,
                         struct err *e);
/* List unchanged job i in the run; its findings are appended to out. */
int store_session_reuse(struct store_session *s, size_t i, struct finding_list *out,
                        uint32_t *out_partial, struct err *e);

/* After each pass: need[i] = job i must be analysed again because the
 * summaries it used changed. Returns how many (0: the fixed point, or the
 * pass limit; *out_unsettled then says whether it was the limit). */
size_t store_session_next_pass(struct store_session *s, bool *need, bool *out_unsettled,
                               struct err *e);

/* Passes run so far (1 after the first). */
unsigned store_session_passes(const struct store_session *s);

/* Finish the run (counts: see store_run_finish). */
int store_session_finish(struct store_session *s, struct store_run_counts *c, struct err *e);

#endif

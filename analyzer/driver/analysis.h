/*
 * analysis.h — the seam between the driver (which lists translation units,
 * parses and lowers them on worker threads) and the analysis stages that
 * run on each lowered TU (model, engine, checks, cycles, store, report).
 *
 * Life of a run (driver.c):
 *   a = analysis_new(&opt, &err)        once, on the main thread, before
 *                                       any TU is parsed
 *   analysis_plan(a, jobs, n, need)     main thread: which jobs must be
 *                                       parsed (the others are unchanged
 *                                       since the database's last run)
 *   pass: for each job i with need[i]:
 *     analysis_run_tu(a, tu, &r)        on worker threads, concurrently;
 *                                       the TU is freed after
 *     analysis_job_result(a, i, r, …)   main thread, in input order; takes r
 *   and for each unchanged job (first pass only):
 *     analysis_job_reused(a, i)         main thread, in input order
 *   while (analysis_next_pass(a, need)) another pass over the jobs whose
 *                                       callees' summaries changed
 *   n = analysis_summary(a, f)          once, at the end: prints what was
 *                                       held back, the closing line
 *   analysis_free(a)
 *
 * Without a database (--no-db) there is one pass and each job's findings
 * print as soon as it is its turn; with one, output waits until the last
 * pass (a later pass may change a TU's findings).
 *
 * Ownership: the TU belongs to the driver and lives only during
 * analysis_run_tu; a result must not point into it (copy what you keep).
 * A result is plain data, handed from the worker thread to the main thread.
 *
 * analysis.c runs engine/analyze.c on each TU and renders the results
 * as text or JSON.
 */
#ifndef REFCHECK_ANALYSIS_H
#define REFCHECK_ANALYSIS_H

#include <stdbool.h>
#include <stdio.h>

struct err;
struct fe_options;
struct ir_tu;

/* The same values as enum report_format (report/render.h). */
enum analysis_format { ANALYSIS_FORMAT_TEXT, ANALYSIS_FORMAT_JSON, ANALYSIS_FORMAT_SARIF };

struct analysis_options {
	/* The front end's options (object roots, limits). analysis_new may
	 * change them, e.g. add the object roots a rule pack names: the driver
	 * creates its workers only after analysis_new returns. */
	struct fe_options *fe;
	unsigned jobs;          /* how many threads will call analysis_run_tu */
	bool color;             /* colour the text output */
	enum analysis_format format;
	/* --pack NAME (rules/NAME.json) or a path; the runtime pack is always
	 * loaded. Not owned. */
	char **packs;
	size_t npacks;
	/* --enable / --disable CHECK: only the enabled checks (all when none is
	 * enabled), minus the disabled ones. Not owned. */
	char **enable, **disable;
	size_t nenable, ndisable;
	/* The findings database (store/session.h) and the output. */
	const char *output;     /* -o FILE; NULL: standard output */
	const char *db;         /* --db FILE; NULL: STORE_DEFAULT_PATH */
	bool no_db;             /* --no-db: no database, no incremental runs */
	bool baseline;          /* --baseline: baselined findings do not fail */
	bool reanalyse;         /* --reanalyse: analyse unchanged files too */
	const char *args;       /* the command line, recorded with the run */
};

struct analysis;
struct analysis_tu_result;

/* NULL on failure, with the reason in e (an input error such as a bad
 * rule pack: ERR_INVALID/ERR_NOTFOUND; anything else is internal). */
struct analysis *analysis_new(const struct analysis_options *opt, struct err *e);

/* Analyse one TU. Thread-safe: called from several workers at once, so
 * anything shared in `a` is read-only here or locked. Returns 0 with *out
 * set, or a negative ERR_ code (internal error; *out may still be set). */
int analysis_run_tu(struct analysis *a, const struct ir_tu *tu, struct analysis_tu_result **out);

struct fe_job;

/* Main thread, before the first pass: need[i] = job i must be parsed.
 * Returns 0, or an error (a bad database) with the reason in e. */
int analysis_plan(struct analysis *a, const struct fe_job *jobs, size_t n, bool *need,
                  struct err *e);
/* Main thread, in input order: job i's result (taken over; NULL if the
 * job failed before analysis). failed: it had compiler errors. */
void analysis_job_result(struct analysis *a, size_t i, struct analysis_tu_result *r, bool failed);
/* Main thread, in input order, first pass: job i was not parsed (unchanged). */
void analysis_job_reused(struct analysis *a, size_t i);
/* Main thread, after each pass: need[i] = job i must be analysed again.
 * Returns how many (0: done). */
size_t analysis_next_pass(struct analysis *a, bool *need);
/* Findings so far (for the progress line). */
unsigned analysis_findings_so_far(const struct analysis *a);

void analysis_tu_result_free(struct analysis_tu_result *r);

/* Print the findings held back, then the closing summary on out; returns
 * the number of findings that fail the run (not suppressed inline, not in
 * the baseline with --baseline), or -1 after an error that makes the run
 * an input error (a damaged database, an unwritable output), or -3 after
 * an internal one, the message printed. */
int analysis_summary(struct analysis *a, FILE *out);

void analysis_free(struct analysis *a);

/* --list-checks: one line per check with the rules it emits. */
void analysis_list_checks(FILE *out);

#endif

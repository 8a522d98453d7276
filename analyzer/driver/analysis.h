/*
 * analysis.h — the seam between the driver (which lists translation units,
 * parses and lowers them on worker threads) and the analysis stages that
 * run on each lowered TU (model, engine, checks, cycles, store, report).
 *
 * Life of a run (driver.c):
 *   a = analysis_new(&opt, &err)        once, on the main thread, before
 *                                       any TU is parsed
 *   analysis_run_tu(a, tu, &r)          on worker threads, concurrently,
 *                                       once per TU; the TU is freed after
 *   analysis_print_tu_result(a, r, f)   on the main thread, once per result,
 *                                       in input order (whatever -j is)
 *   analysis_tu_result_free(r)
 *   n = analysis_summary(a, f)          once, at the end
 *   analysis_free(a)
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

enum analysis_format { ANALYSIS_FORMAT_TEXT, ANALYSIS_FORMAT_JSON };

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

/* Print one TU's findings and notes (compiler-style text on out). */
void analysis_print_tu_result(struct analysis *a, const struct analysis_tu_result *r, FILE *out);

void analysis_tu_result_free(struct analysis_tu_result *r);

/* Print the closing one-line summary on out; returns the number of
 * findings (the driver's exit status depends on it). */
int analysis_summary(struct analysis *a, FILE *out);

void analysis_free(struct analysis *a);

/* --list-checks: one line per check with the rules it emits. */
void analysis_list_checks(FILE *out);

#endif

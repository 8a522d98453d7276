/*
 * analyze.h — analysing one lowered translation unit: the stage between the
 * front end (a `struct ir_tu`) and the reports (a finding list).
 *
 * It layers the TU's annotations over the packs (model_tu), orders the TU's
 * functions bottom-up over their call graph so that each function's callees
 * have inferred summaries before it is analysed, runs the engine on each
 * function with the enabled checks, applies inline suppressions, and
 * counts what it did. Thread-safe: the model and options are only read;
 * everything written belongs to the result.
 */
#ifndef REFCHECK_ANALYZE_H
#define REFCHECK_ANALYZE_H

#include "engine/engine.h"
#include "report/finding.h"
#include "util/err.h"

struct analyze_options {
	const struct model *model;
	struct engine_options engine;
	/* Called once per TU before its functions are analysed, to feed in
	 * summaries of functions defined elsewhere (model_tu_set_inferred).
	 * Optional. */
	void (*seed)(void *arg, struct model_tu *mt, const struct ir_tu *tu);
	void *seed_arg;
};

enum analyze_note_kind {
	NOTE_SKIPPED,       /* lowering gave up on the function (too large, too deep) */
	NOTE_PARTIAL        /* the engine ran out of budget: not fully analysed */
};

struct analyze_note {
	enum analyze_note_kind kind;
	const char *function;
	struct finding_loc loc;
	const char *reason;
};

struct analyze_stats {
	uint32_t functions;         /* functions with bodies, analysed or not */
	uint32_t analysed;          /* fully analysed */
	uint32_t partial;
	uint32_t skipped;
	uint32_t trusted;           /* refcount implementations, not analysed as clients */
	uint32_t findings;          /* not suppressed */
	uint32_t suppressed;
	uint32_t by_rule[RULE__COUNT];
};

struct analyze_result {
	struct finding_list findings;       /* sorted by location */
	struct analyze_stats stats;
	struct analyze_note *notes;
	uint32_t nnotes, cap_notes;
	/* The summary inferred for each function of the TU (names live in the
	 * findings' arena), for callers in other TUs. */
	struct model_fn *inferred;
	uint32_t ninferred, cap_inferred;
};

void analyze_default_options(struct analyze_options *opt, const struct model *m);
int analyze_tu(const struct analyze_options *opt, const struct ir_tu *tu,
               struct analyze_result *res, struct err *e);
void analyze_result_init(struct analyze_result *res);
void analyze_result_dispose(struct analyze_result *res);
/* Add b's counts to a. */
void analyze_stats_add(struct analyze_stats *a, const struct analyze_stats *b);

#endif

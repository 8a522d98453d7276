/*
 * finding.h — a finding: what a check produces and every renderer and the
 * store consume (STYLE §4: detection apart from presentation).
 *
 * A finding owns copies of everything it names (file paths, function name,
 * message, path steps) in its list's arena, so it outlives the translation
 * unit it came from: workers analyse, the main thread prints in input order.
 */
#ifndef REFCHECK_FINDING_H
#define REFCHECK_FINDING_H

#include <stdbool.h>
#include <stdint.h>

#include "report/rules.h"
#include "util/strbuf.h"

struct arena;

struct finding_loc {
	const char *file;
	uint32_t line, col, end_line, end_col;
};

enum step_kind {
	STEP_ACQUIRE,       /* the reference came to be owned (or borrowed) here */
	STEP_BRANCH,        /* the path took this branch */
	STEP_RELEASE,       /* released / handed over / invalidated here */
	STEP_EVENT,         /* the finding's own event */
	STEP_OTHER
};

struct finding_step {
	enum step_kind kind;
	struct finding_loc loc;
	const char *msg;
};

struct finding {
	int rule;                   /* enum rule_id */
	struct finding_loc loc;     /* primary location (DESIGN §7) */
	const char *function;
	const char *message;
	struct finding_step *steps;
	uint32_t nsteps;
	bool has_related;           /* the acquisition, as a related location */
	struct finding_loc related;
	const char *related_msg;
	uint64_t key;               /* for de-duplication within a function */
	bool suppressed;            /* by an inline `refcheck: ignore[...]` comment */
	const char *suppression;    /* how: "inline" / "baseline" */
	const char *fingerprint;    /* stable identity "<16 hex>:<n>" (report/fingerprint.c) */
};

struct finding_list {
	struct arena *arena;
	struct finding **items;
	uint32_t n, cap;
};

void finding_list_init(struct finding_list *l);
void finding_list_dispose(struct finding_list *l);
struct finding *finding_new(struct finding_list *l);
void finding_append(struct finding_list *l, struct finding *f);
const char *finding_strdup(struct finding_list *l, const char *s);
/* Stable order: file, line, column, rule. */
void finding_list_sort(struct finding_list *l);
void finding_add_step(struct finding_list *l, struct finding *f, enum step_kind kind,
                      struct finding_loc loc, const char *msg);

#endif

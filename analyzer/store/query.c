/*
 * query.c — reading runs back: run records, a run's findings (all, new,
 * fixed) and the difference of two runs, as finding lists the renderers
 * print like fresh ones (see store.h).
 *
 * Findings come back in the renderers' stable order (finding_list_sort),
 * with their trace steps, fingerprint and inline suppression; baseline
 * marks are applied from the baseline table as it is now.
 */
#include "store/store_internal.h"

#include "report/finding.h"
#include "report/rules.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *store_state_name(enum store_state st)
{
	switch (st) {
	case STORE_NEW: return "new";
	case STORE_FIXED: return "fixed";
	default: return "unchanged";
	}
}

static enum store_state parse_state(const char *name)
{
	if (strcmp(name, "new") == 0)
		return STORE_NEW;
	if (strcmp(name, "fixed") == 0)
		return STORE_FIXED;
	return STORE_UNCHANGED;
}

static void column_loc(sqlite3_stmt *st, int first, struct finding_loc *l)
{
	l->line = (uint32_t)sqlite3_column_int64(st, first);
	l->col = (uint32_t)sqlite3_column_int64(st, first + 1);
	l->end_line = (uint32_t)sqlite3_column_int64(st, first + 2);
	l->end_col = (uint32_t)sqlite3_column_int64(st, first + 3);
}

static int load_steps(struct store *s, int64_t occ, struct finding_list *l, struct finding *f,
                      struct err *e)
{
	sqlite3_stmt *st = store_prepare(s,
		"SELECT kind, path, line, col, end_line, end_col, message FROM steps"
		" WHERE occurrence_id = ?1 ORDER BY idx", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, occ);
	int rc;
	while ((rc = store_step(s, st, e)) == 1) {
		struct finding_loc loc;
		column_loc(st, 2, &loc);
		loc.file = finding_strdup(l, store_col_text(st, 1));
		finding_add_step(l, f, (enum step_kind)sqlite3_column_int(st, 0), loc,
		                 store_col_text(st, 6));
	}
	sqlite3_reset(st);
	return rc < 0 ? rc : 0;
}

/* One row of STORE_OCC_COLUMNS as a finding of l. */
static struct finding *row_finding(sqlite3_stmt *st, struct finding_list *l)
{
	struct finding *f = finding_new(l);
	f->rule = rule_lookup(store_col_text(st, 0));
	f->loc.file = finding_strdup(l, store_col_text(st, 1));
	f->function = finding_strdup(l, store_col_text(st, 2));
	f->fingerprint = finding_strdup(l, store_col_text(st, 3));
	column_loc(st, 4, &f->loc);
	f->message = finding_strdup(l, store_col_text(st, 8));
	if (sqlite3_column_type(st, 9) != SQLITE_NULL) {
		f->has_related = true;
		f->related.file = finding_strdup(l, store_col_text(st, 9));
		column_loc(st, 10, &f->related);
		f->related_msg = finding_strdup(l, store_col_text(st, 14));
	}
	if (sqlite3_column_type(st, 15) != SQLITE_NULL) {
		f->suppressed = true;
		f->suppression = finding_strdup(l, store_col_text(st, 15));
	}
	return f;
}

int store_load_occurrences(struct store *s, sqlite3_stmt *st, struct finding_list *out,
                           enum store_state **states, struct err *e)
{
	uint32_t nsts = 0, cap = 0;
	enum store_state *sts = NULL;
	int rc, error = 0;
	while ((rc = store_step(s, st, e)) == 1) {
		struct finding *f = row_finding(st, out);
		if (states)
			VEC_PUSH(sts, nsts, cap, parse_state(store_col_text(st, STORE_OCC_NCOLUMNS)));
		finding_append(out, f);
		if ((error = load_steps(s, sqlite3_column_int64(st, 16), out, f, e)) < 0)
			break;
	}
	sqlite3_reset(st);
	if (states)
		*states = sts;
	return error < 0 ? error : rc < 0 ? rc : 0;
}

/* The renderers' stable order (finding_list_sort's, rules by id). */
#define OCC_ORDER " ORDER BY f.path, o.line, o.col, f.rule, o.message"

int store_run_findings(struct store *s, int64_t run, enum store_state which,
                       struct finding_list *out, enum store_state **states, struct err *e)
{
	const char *sql;
	if (which == STORE_FIXED)
		/* The last occurrence of each finding this run found gone. */
		sql = "SELECT " STORE_OCC_COLUMNS ", 'fixed' FROM findings f"
		      " JOIN occurrences o ON o.id = (SELECT max(o2.id) FROM occurrences o2"
		      "  JOIN run_findings rf ON rf.occurrence_id = o2.id WHERE o2.finding_id = f.id)"
		      " WHERE f.fixed_run = ?1" OCC_ORDER;
	else
		sql = "SELECT " STORE_OCC_COLUMNS ", rf.state FROM run_findings rf"
		      " JOIN occurrences o ON o.id = rf.occurrence_id JOIN findings f ON f.id = o.finding_id"
		      " WHERE rf.run_id = ?1 AND (?2 = 0 OR rf.state = 'new')" OCC_ORDER;
	sqlite3_stmt *st = store_prepare(s, sql, e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, run);
	if (which != STORE_FIXED)
		sqlite3_bind_int(st, 2, which == STORE_NEW);
	enum store_state *sts = NULL;
	uint32_t dummy;
	int error = store_load_occurrences(s, st, out, &sts, e);
	if (error == 0)
		error = store_baseline_apply(s, out, &dummy, e);
	if (states)
		*states = sts;
	else
		free(sts);
	return error;
}

int store_diff(struct store *s, int64_t a, int64_t b, struct finding_list *added,
               struct finding_list *removed, struct err *e)
{
	/* Occurrences of run x whose finding run y does not list. */
	static const char sql[] =
		"SELECT " STORE_OCC_COLUMNS " FROM run_findings rf"
		" JOIN occurrences o ON o.id = rf.occurrence_id JOIN findings f ON f.id = o.finding_id"
		" WHERE rf.run_id = ?1 AND o.finding_id NOT IN (SELECT o2.finding_id FROM run_findings r2"
		"  JOIN occurrences o2 ON o2.id = r2.occurrence_id WHERE r2.run_id = ?2)" OCC_ORDER;
	struct finding_list *lists[2] = { added, removed };
	int64_t runs[2][2] = { { b, a }, { a, b } };
	uint32_t dummy;
	for (int i = 0; i < 2; i++) {
		sqlite3_stmt *st = store_prepare(s, sql, e);
		if (!st)
			return e->code;
		sqlite3_bind_int64(st, 1, runs[i][0]);
		sqlite3_bind_int64(st, 2, runs[i][1]);
		int error = store_load_occurrences(s, st, lists[i], NULL, e);
		if (error == 0)
			error = store_baseline_apply(s, lists[i], &dummy, e);
		if (error < 0)
			return error;
	}
	return 0;
}

/* ---- runs ---- */

int store_run_latest(struct store *s, int64_t *out, struct err *e)
{
	return store_scalar(s, "SELECT max(id) FROM runs WHERE status = 'complete'", 0, out, e);
}

int store_run_previous(struct store *s, int64_t run, int64_t *out, struct err *e)
{
	return store_scalar(s, "SELECT max(id) FROM runs WHERE status = 'complete' AND id < ?1", run,
	                    out, e);
}

#define RUN_COLUMNS                                                                      \
	"id, started, coalesce(finished, ''), version, args, packs, status = 'complete',"  \
	" files, analysed, reused, failed, partial, findings, new_findings, fixed,"         \
	" suppressed, baselined"

static void row_run(sqlite3_stmt *st, struct store_run_info *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	snprintf(r->started, sizeof(r->started), "%s", store_col_text(st, 1));
	snprintf(r->finished, sizeof(r->finished), "%s", store_col_text(st, 2));
	r->version = xstrdup(store_col_text(st, 3));
	r->args = xstrdup(store_col_text(st, 4));
	r->packs = xstrdup(store_col_text(st, 5));
	r->complete = sqlite3_column_int(st, 6) != 0;
	uint32_t *c[] = { &r->counts.files, &r->counts.analysed, &r->counts.reused,
	                  &r->counts.failed, &r->counts.partial, &r->counts.findings,
	                  &r->counts.new_findings, &r->counts.fixed, &r->counts.suppressed,
	                  &r->counts.baselined };
	for (int i = 0; i < (int)(sizeof(c) / sizeof(c[0])); i++)
		*c[i] = (uint32_t)sqlite3_column_int64(st, 7 + i);
}

void store_run_info_dispose(struct store_run_info *info)
{
	free((char *)info->version);
	free((char *)info->args);
	free((char *)info->packs);
	memset(info, 0, sizeof(*info));
}

int store_run_get(struct store *s, int64_t run, struct store_run_info *out, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT " RUN_COLUMNS " FROM runs WHERE id = ?1", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, run);
	int rc = store_step(s, st, e);
	if (rc == 1)
		row_run(st, out);
	else if (rc == 0)
		rc = err_set(e, ERR_NOTFOUND, "%s: no run %lld", s->path, (long long)run);
	sqlite3_reset(st);
	return rc < 0 ? rc : 0;
}

int store_run_each(struct store *s, int (*cb)(const struct store_run_info *info, void *arg),
                   void *arg, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT " RUN_COLUMNS " FROM runs ORDER BY id", e);
	if (!st)
		return e->code;
	int rc, stop = 0;
	while (!stop && (rc = store_step(s, st, e)) == 1) {
		struct store_run_info info;
		row_run(st, &info);
		stop = cb(&info, arg);
		store_run_info_dispose(&info);
	}
	sqlite3_reset(st);
	return stop ? 0 : rc < 0 ? rc : 0;
}

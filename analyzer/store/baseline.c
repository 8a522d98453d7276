/*
 * baseline.c — the baseline: findings a project has accepted, so that
 * `check --baseline` fails only on new ones (issue 5).
 *
 * An entry is (path, fingerprint) plus what a person needs to recognise it
 * (rule, function, line and message when it was taken). Fingerprints do not
 * contain line numbers (report/fingerprint.c), so entries keep matching
 * when unrelated code moves. Baselined findings are never dropped: they come
 * back marked suppressed with suppression "baseline", and are counted.
 */
#include "store/store_internal.h"

#include "report/finding.h"
#include "report/rules.h"

int store_baseline_create(struct store *s, int64_t run, uint32_t *out_n, struct err *e)
{
	char now[32];
	int error;
	int64_t exists = 0;
	store_now(now);
	if ((error = store_begin(s, e)) < 0)
		return error;
	sqlite3_stmt *st = store_prepare(s, "SELECT count(*) FROM runs WHERE id = ?1", e);
	if (!st) {
		error = e->code;
		goto cleanup;
	}
	sqlite3_bind_int64(st, 1, run);
	if ((error = store_step(s, st, e)) == 1)
		exists = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (error >= 0 && !exists)
		error = err_set(e, ERR_NOTFOUND, "%s: no run %lld", s->path, (long long)run);
	if (error < 0)
		goto cleanup;
	if ((error = store_baseline_clear(s, NULL, e)) < 0)
		goto cleanup;
	st = store_prepare(s,
		"INSERT OR IGNORE INTO baseline (path, fingerprint, rule, function, line, message, created)"
		" SELECT f.path, f.fingerprint, f.rule, f.function, o.line, o.message, ?2"
		" FROM run_findings rf JOIN occurrences o ON o.id = rf.occurrence_id"
		" JOIN findings f ON f.id = o.finding_id WHERE rf.run_id = ?1", e);
	if (!st) {
		error = e->code;
		goto cleanup;
	}
	sqlite3_bind_int64(st, 1, run);
	store_bind_text(st, 2, now);
	if ((error = store_step_done(s, st, e)) < 0)
		goto cleanup;
	if (out_n)
		*out_n = (uint32_t)sqlite3_changes(s->db);
	return store_commit(s, e);
cleanup:
	store_rollback(s);
	return error;
}

/* Inside a caller's transaction when out_n is NULL (create), else its own. */
int store_baseline_clear(struct store *s, uint32_t *out_n, struct err *e)
{
	bool own = !s->in_txn;
	int error;
	if (own && (error = store_begin(s, e)) < 0)
		return error;
	sqlite3_stmt *st = store_prepare(s, "DELETE FROM baseline", e);
	error = st ? store_step_done(s, st, e) : e->code;
	if (error == 0 && out_n)
		*out_n = (uint32_t)sqlite3_changes(s->db);
	if (!own)
		return error;
	if (error < 0) {
		store_rollback(s);
		return error;
	}
	return store_commit(s, e);
}

int store_baseline_list(struct store *s, struct finding_list *out, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s,
		"SELECT path, fingerprint, rule, function, line, message FROM baseline"
		" ORDER BY path, line, rule", e);
	if (!st)
		return e->code;
	int rc;
	while ((rc = store_step(s, st, e)) == 1) {
		struct finding *f = finding_new(out);
		f->loc.file = finding_strdup(out, store_col_text(st, 0));
		f->fingerprint = finding_strdup(out, store_col_text(st, 1));
		f->rule = rule_lookup(store_col_text(st, 2));
		f->function = finding_strdup(out, store_col_text(st, 3));
		f->loc.line = f->loc.end_line = (uint32_t)sqlite3_column_int64(st, 4);
		f->message = finding_strdup(out, store_col_text(st, 5));
		f->suppressed = true;
		f->suppression = "baseline";
		finding_append(out, f);
	}
	sqlite3_reset(st);
	return rc < 0 ? rc : 0;
}

int store_baseline_apply(struct store *s, struct finding_list *l, uint32_t *out_n,
                         struct err *e)
{
	*out_n = 0;
	for (uint32_t i = 0; i < l->n; i++) {
		struct finding *f = l->items[i];
		if (!f->fingerprint)
			continue;
		sqlite3_stmt *st = store_prepare(s,
			"SELECT 1 FROM baseline WHERE path = ?1 AND fingerprint = ?2", e);
		if (!st)
			return e->code;
		store_bind_text(st, 1, f->loc.file);
		store_bind_text(st, 2, f->fingerprint);
		int rc = store_step(s, st, e);
		sqlite3_reset(st);
		if (rc < 0)
			return rc;
		if (rc == 1) {
			(*out_n)++;
			/* An inline suppression says more (it is in the code); keep it. */
			if (!f->suppressed) {
				f->suppressed = true;
				f->suppression = "baseline";
			}
		}
	}
	return 0;
}

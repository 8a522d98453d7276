/*
 * run.c — writing a run: begin, one transaction per translation unit
 * (analysed or reused), finish (see store.h for the data model).
 *
 * States: when a TU is recorded, each finding is `unchanged` if the last
 * complete run that covered it listed it (state new/unchanged), else `new`.
 * Only store_run_finish updates findings' first/last run and state and
 * marks the findings of the run's TUs that are no longer there as `fixed`;
 * a run that never finishes (killed) therefore changes nothing that reports
 * read, and its rows are simply never listed.
 */
#include "store/store_internal.h"

#include "report/finding.h"
#include "report/rules.h"

#include <string.h>

int store_run_begin(struct store *s, int64_t *out, const char *version, const char *args,
                    const char *packs, struct err *e)
{
	char now[32];
	int error;
	store_now(now);
	if ((error = store_begin(s, e)) < 0)
		return error;
	sqlite3_stmt *st = store_prepare(s,
		"INSERT INTO runs (started, version, args, packs) VALUES (?1, ?2, ?3, ?4)", e);
	if (!st) {
		store_rollback(s);
		return e->code;
	}
	store_bind_text(st, 1, now);
	store_bind_text(st, 2, version);
	store_bind_text(st, 3, args ? args : "");
	store_bind_text(st, 4, packs ? packs : "");
	if ((error = store_step_done(s, st, e)) < 0) {
		store_rollback(s);
		return error;
	}
	*out = sqlite3_last_insert_rowid(s->db);
	return store_commit(s, e);
}

/* Run a statement whose parameters are all integers, in order. */
static int exec_ints(struct store *s, const char *sql, const int64_t *v, int n, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, sql, e);
	if (!st)
		return e->code;
	for (int i = 0; i < n; i++)
		sqlite3_bind_int64(st, i + 1, v[i]);
	int rc = store_step_done(s, st, e);
	sqlite3_reset(st);
	return rc;
}

static int upsert_file(struct store *s, int64_t run, const struct store_tu_result *r,
                       int64_t *out, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s,
		"INSERT INTO files (path, content_hash, flags_hash, env_hash, key, last_run, partial, failed)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
		" ON CONFLICT (path) DO UPDATE SET content_hash = ?2, flags_hash = ?3, env_hash = ?4,"
		"  key = ?5, last_run = ?6, partial = ?7, failed = ?8"
		" RETURNING id", e);
	if (!st)
		return e->code;
	const struct store_tu_key *k = r->key;
	store_bind_text(st, 1, k->path);
	store_bind_text(st, 2, k->content);
	store_bind_text(st, 3, k->flags);
	store_bind_text(st, 4, k->env);
	store_bind_text(st, 5, k->key);
	sqlite3_bind_int64(st, 6, run);
	sqlite3_bind_int64(st, 7, r->partial);
	sqlite3_bind_int(st, 8, r->failed);
	int rc = store_step(s, st, e);
	if (rc == 1)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc < 0 ? rc : 0;
}

/* One row of a (file_id, name, value) table. */
static int insert_pair(struct store *s, const char *sql, int64_t file_id, const char *name,
                       const char *value, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, sql, e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, file_id);
	store_bind_text(st, 2, name);
	store_bind_text(st, 3, value);
	int rc = store_step_done(s, st, e);
	sqlite3_reset(st);
	return rc;
}

/* Replace the TU's dependencies and summaries by those of this analysis. */
static int record_deps(struct store *s, int64_t file_id, const struct store_tu_result *r,
                       struct err *e)
{
	const struct store_tu_key *k = r->key;
	int error;
	if ((error = exec_ints(s, "DELETE FROM file_deps WHERE file_id = ?1", &file_id, 1, e)) < 0 ||
	    (error = exec_ints(s, "DELETE FROM summaries WHERE file_id = ?1", &file_id, 1, e)) < 0)
		return error;
	for (uint32_t i = 0; error == 0 && i < k->ndeps; i++)
		error = insert_pair(s,
			"INSERT OR REPLACE INTO file_deps (file_id, path, hash) VALUES (?1, ?2, ?3)",
			file_id, k->deps[i], k->dep_hashes[i], e);
	for (uint32_t i = 0; error == 0 && i < r->nsummaries; i++)
		error = insert_pair(s,
			"INSERT OR REPLACE INTO summaries (file_id, name, data) VALUES (?1, ?2, ?3)",
			file_id, r->summaries[i].name, r->summaries[i].data, e);
	return error;
}

/* The finding's identity row; *out_seen: listed by the last complete run
 * that covered it. */
static int upsert_finding(struct store *s, int64_t file_id, const struct finding *f,
                          int64_t *out, bool *out_seen, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s,
		"INSERT INTO findings (file_id, fingerprint, rule, path, function)"
		" VALUES (?1, ?2, ?3, ?4, ?5)"
		" ON CONFLICT (file_id, fingerprint) DO UPDATE SET rule = ?3, path = ?4, function = ?5"
		" RETURNING id, last_run IS NOT NULL AND state <> 'fixed'", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, file_id);
	store_bind_text(st, 2, f->fingerprint);
	store_bind_text(st, 3, rule_name(f->rule));
	store_bind_text(st, 4, f->loc.file);
	store_bind_text(st, 5, f->function ? f->function : "");
	int rc = store_step(s, st, e);
	if (rc == 1) {
		*out = sqlite3_column_int64(st, 0);
		*out_seen = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_reset(st);
	return rc < 0 ? rc : 0;
}

static void bind_loc(sqlite3_stmt *st, int first, const struct finding_loc *l)
{
	sqlite3_bind_int64(st, first, l->line);
	sqlite3_bind_int64(st, first + 1, l->col);
	sqlite3_bind_int64(st, first + 2, l->end_line);
	sqlite3_bind_int64(st, first + 3, l->end_col);
}

static int insert_occurrence(struct store *s, int64_t run, int64_t finding_id,
                             const struct finding *f, int64_t *out, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s,
		"INSERT INTO occurrences (finding_id, run_id, line, col, end_line, end_col, message,"
		"  related_path, related_line, related_col, related_end_line, related_end_col,"
		"  related_msg, suppression)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, finding_id);
	sqlite3_bind_int64(st, 2, run);
	bind_loc(st, 3, &f->loc);
	store_bind_text(st, 7, f->message ? f->message : "");
	if (f->has_related) {
		store_bind_text(st, 8, f->related.file);
		bind_loc(st, 9, &f->related);
		store_bind_text(st, 13, f->related_msg ? f->related_msg : "");
	}
	/* Baseline marks are worked out at report time, not stored. */
	if (f->suppressed && f->suppression && strcmp(f->suppression, "baseline") != 0)
		store_bind_text(st, 14, f->suppression);
	int rc = store_step_done(s, st, e);
	sqlite3_reset(st);
	*out = sqlite3_last_insert_rowid(s->db);
	return rc;
}

static int insert_steps(struct store *s, int64_t occ, const struct finding *f, struct err *e)
{
	for (uint32_t i = 0; i < f->nsteps; i++) {
		const struct finding_step *step = &f->steps[i];
		sqlite3_stmt *st = store_prepare(s,
			"INSERT INTO steps (occurrence_id, idx, kind, path, line, col, end_line, end_col,"
			"  message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", e);
		if (!st)
			return e->code;
		sqlite3_bind_int64(st, 1, occ);
		sqlite3_bind_int64(st, 2, i);
		sqlite3_bind_int(st, 3, step->kind);
		store_bind_text(st, 4, step->loc.file ? step->loc.file : f->loc.file);
		bind_loc(st, 5, &step->loc);
		store_bind_text(st, 9, step->msg ? step->msg : "");
		int rc = store_step_done(s, st, e);
		sqlite3_reset(st);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int record_finding(struct store *s, int64_t run, int64_t file_id,
                          const struct finding *f, struct err *e)
{
	int64_t fid = 0, occ = 0;
	bool seen = false;
	int error;
	if (!f->fingerprint)
		return err_set(e, ERR_INTERNAL, "%s:%u: finding without a fingerprint", f->loc.file,
		               f->loc.line);
	if ((error = upsert_finding(s, file_id, f, &fid, &seen, e)) < 0 ||
	    (error = insert_occurrence(s, run, fid, f, &occ, e)) < 0 ||
	    (error = insert_steps(s, occ, f, e)) < 0)
		return error;
	sqlite3_stmt *st = store_prepare(s,
		"INSERT OR IGNORE INTO run_findings (run_id, occurrence_id, state) VALUES (?1, ?2, ?3)",
		e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, run);
	sqlite3_bind_int64(st, 2, occ);
	store_bind_text(st, 3, seen ? "unchanged" : "new");
	error = store_step_done(s, st, e);
	sqlite3_reset(st);
	return error;
}

int store_tu_record(struct store *s, int64_t run, const struct store_tu_result *r, struct err *e)
{
	int64_t file_id = 0;
	int error;
	if ((error = store_begin(s, e)) < 0)
		return error;
	if ((error = upsert_file(s, run, r, &file_id, e)) < 0 ||
	    (error = record_deps(s, file_id, r, e)) < 0)
		goto cleanup;
	/* Analysed again in the same run (a later pass of cross-TU summaries,
	 * or after being reused): this analysis replaces the run's listing. */
	if ((error = exec_ints(s,
		"DELETE FROM run_findings WHERE run_id = ?1 AND occurrence_id IN"
		" (SELECT o.id FROM occurrences o JOIN findings f ON f.id = o.finding_id"
		"  WHERE f.file_id = ?2)", (int64_t[]){ run, file_id }, 2, e)) < 0)
		goto cleanup;
	for (uint32_t i = 0; r->findings && i < r->findings->n; i++)
		if ((error = record_finding(s, run, file_id, r->findings->items[i], e)) < 0)
			goto cleanup;
cleanup:
	if (error < 0) {
		store_rollback(s);
		return error;
	}
	return store_commit(s, e);
}

int store_tu_reuse(struct store *s, int64_t run, const char *path, struct finding_list *out,
                   uint32_t *out_partial, struct err *e)
{
	int error;
	if ((error = store_begin(s, e)) < 0)
		return error;
	sqlite3_stmt *st = store_prepare(s,
		"SELECT id, last_run, partial FROM files WHERE path = ?1", e);
	if (!st) {
		error = e->code;
		goto cleanup;
	}
	store_bind_text(st, 1, path);
	if ((error = store_step(s, st, e)) == 0)
		error = err_set(e, ERR_NOTFOUND, "%s: %s was never analysed", s->path, path);
	if (error < 0)
		goto cleanup;
	int64_t v[3] = { run, sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 0) };
	if (out_partial)
		*out_partial = (uint32_t)sqlite3_column_int64(st, 2);
	sqlite3_reset(st);
	/* The TU's occurrences as its last run listed them, listed again. */
	if ((error = exec_ints(s,
		"INSERT OR IGNORE INTO run_findings (run_id, occurrence_id, state)"
		" SELECT ?1, rf.occurrence_id,"
		"  CASE WHEN f.last_run IS NOT NULL AND f.state <> 'fixed' THEN 'unchanged' ELSE 'new' END"
		" FROM run_findings rf JOIN occurrences o ON o.id = rf.occurrence_id"
		" JOIN findings f ON f.id = o.finding_id"
		" WHERE rf.run_id = ?2 AND f.file_id = ?3", v, 3, e)) < 0 ||
	    (error = exec_ints(s, "UPDATE files SET last_run = ?1 WHERE id = ?2",
	                       (int64_t[]){ run, v[2] }, 2, e)) < 0)
		goto cleanup;
	if ((error = store_commit(s, e)) < 0)
		return error;
	st = store_prepare(s,
		"SELECT " STORE_OCC_COLUMNS " FROM run_findings rf"
		" JOIN occurrences o ON o.id = rf.occurrence_id JOIN findings f ON f.id = o.finding_id"
		" WHERE rf.run_id = ?1 AND f.file_id = ?2 ORDER BY o.id", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, run);
	sqlite3_bind_int64(st, 2, v[2]);
	return store_load_occurrences(s, st, out, NULL, e);
cleanup:
	store_rollback(s);
	return error;
}

static int finish_findings(struct store *s, int64_t run, struct store_run_counts *c,
                           struct err *e)
{
	int error;
	/* Gone from a TU this run covered: fixed. */
	if ((error = exec_ints(s,
		"UPDATE findings SET state = 'fixed', fixed_run = ?1"
		" WHERE state <> 'fixed' AND last_run IS NOT NULL"
		"  AND file_id IN (SELECT id FROM files WHERE last_run = ?1)"
		"  AND id NOT IN (SELECT o.finding_id FROM run_findings rf"
		"   JOIN occurrences o ON o.id = rf.occurrence_id WHERE rf.run_id = ?1)",
		&run, 1, e)) < 0)
		return error;
	c->fixed = (uint32_t)sqlite3_changes(s->db);
	if ((error = exec_ints(s,
		"UPDATE findings SET last_run = ?1, first_run = coalesce(first_run, ?1), fixed_run = NULL,"
		"  state = (SELECT rf.state FROM run_findings rf JOIN occurrences o"
		"   ON o.id = rf.occurrence_id WHERE rf.run_id = ?1 AND o.finding_id = findings.id LIMIT 1)"
		" WHERE id IN (SELECT o.finding_id FROM run_findings rf"
		"  JOIN occurrences o ON o.id = rf.occurrence_id WHERE rf.run_id = ?1)",
		&run, 1, e)) < 0)
		return error;
	int64_t n = 0;
	error = store_scalar(s, "SELECT count(*) FROM run_findings WHERE run_id = ?1 AND state = 'new'",
	                     run, &n, e);
	c->new_findings = (uint32_t)n;
	return error;
}

int store_run_finish(struct store *s, int64_t run, struct store_run_counts *c, struct err *e)
{
	char now[32];
	int error;
	store_now(now);
	if ((error = store_begin(s, e)) < 0)
		return error;
	if ((error = finish_findings(s, run, c, e)) < 0)
		goto cleanup;
	sqlite3_stmt *st = store_prepare(s,
		"UPDATE runs SET status = 'complete', finished = ?2, files = ?3, analysed = ?4,"
		"  reused = ?5, failed = ?6, partial = ?7, findings = ?8, new_findings = ?9,"
		"  fixed = ?10, suppressed = ?11, baselined = ?12 WHERE id = ?1", e);
	if (!st) {
		error = e->code;
		goto cleanup;
	}
	sqlite3_bind_int64(st, 1, run);
	store_bind_text(st, 2, now);
	const uint32_t v[] = { c->files, c->analysed, c->reused, c->failed, c->partial,
	                       c->findings, c->new_findings, c->fixed, c->suppressed, c->baselined };
	for (int i = 0; i < (int)(sizeof(v) / sizeof(v[0])); i++)
		sqlite3_bind_int64(st, 3 + i, v[i]);
	if ((error = store_step_done(s, st, e)) < 0)
		goto cleanup;
	return store_commit(s, e);
cleanup:
	store_rollback(s);
	return error;
}

/* ---- summaries ---- */

int store_summaries_each(struct store *s, const char *path, const char *env,
                         int (*cb)(const char *tu, const char *name, const char *data, void *arg),
                         void *arg, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s,
		"SELECT f.path, su.name, su.data FROM summaries su JOIN files f ON f.id = su.file_id"
		" WHERE (?1 IS NULL OR f.path <> ?1) AND (?2 IS NULL OR f.env_hash = ?2)"
		" ORDER BY f.path, su.name", e);
	if (!st)
		return e->code;
	store_bind_text(st, 1, path);
	store_bind_text(st, 2, env);
	int rc;
	while ((rc = store_step(s, st, e)) == 1)
		if (cb(store_col_text(st, 0), store_col_text(st, 1), store_col_text(st, 2), arg))
			break;
	sqlite3_reset(st);
	return rc < 0 ? rc : 0;
}

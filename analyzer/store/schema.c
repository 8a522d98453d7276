/*
 * schema.c — the database schema and its migrations (see store.h).
 *
 * `PRAGMA user_version` is the schema version: migrations[i] takes a
 * database from version i to i + 1, and all the steps a database needs run
 * in the one BEGIN IMMEDIATE transaction store.c opens, so a database is
 * never left half-migrated. A new schema version appends one entry and bumps
 * STORE_SCHEMA_VERSION; entries are never edited once released.
 *
 * Paths are stored as the run names them (the job's path for a TU, the
 * front end's path for locations). Times are ISO 8601 UTC text.
 */
#include "store/store_internal.h"

#include <sqlite3.h>
#include <stdio.h>

static const char schema_v1[] =
	/* one row per `refcheck check`; status 'running' until finished */
	"CREATE TABLE runs ("
	"  id INTEGER PRIMARY KEY,"
	"  started TEXT NOT NULL,"
	"  finished TEXT,"
	"  version TEXT NOT NULL,"
	"  args TEXT NOT NULL,"
	"  packs TEXT NOT NULL,"
	"  status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'complete')),"
	"  files INTEGER NOT NULL DEFAULT 0, analysed INTEGER NOT NULL DEFAULT 0,"
	"  reused INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,"
	"  partial INTEGER NOT NULL DEFAULT 0, findings INTEGER NOT NULL DEFAULT 0,"
	"  new_findings INTEGER NOT NULL DEFAULT 0, fixed INTEGER NOT NULL DEFAULT 0,"
	"  suppressed INTEGER NOT NULL DEFAULT 0, baselined INTEGER NOT NULL DEFAULT 0"
	");"
	/* one row per translation unit: what its last analysis depended on */
	"CREATE TABLE files ("
	"  id INTEGER PRIMARY KEY,"
	"  path TEXT NOT NULL UNIQUE,"
	"  content_hash TEXT NOT NULL,"
	"  flags_hash TEXT NOT NULL,"
	"  env_hash TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  last_run INTEGER NOT NULL REFERENCES runs(id),"
	"  partial INTEGER NOT NULL DEFAULT 0,"
	"  failed INTEGER NOT NULL DEFAULT 0"
	");"
	/* headers (and imported summaries) a TU's last analysis read */
	"CREATE TABLE file_deps ("
	"  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
	"  path TEXT NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  PRIMARY KEY (file_id, path)"
	") WITHOUT ROWID;"
	/* inferred summaries of the functions a TU defines */
	"CREATE TABLE summaries ("
	"  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  data TEXT NOT NULL,"
	"  PRIMARY KEY (file_id, name)"
	") WITHOUT ROWID;"
	"CREATE INDEX summaries_name ON summaries(name);"
	/* a finding's identity across runs */
	"CREATE TABLE findings ("
	"  id INTEGER PRIMARY KEY,"
	"  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
	"  fingerprint TEXT NOT NULL,"
	"  rule TEXT NOT NULL,"
	"  path TEXT NOT NULL,"
	"  function TEXT NOT NULL,"
	/* first and last *complete* run that listed it, and its state as of
	 * the last complete run that covered its TU (set by store_run_finish,
	 * so a killed run changes none of them) */
	"  first_run INTEGER REFERENCES runs(id),"
	"  last_run INTEGER REFERENCES runs(id),"
	"  fixed_run INTEGER REFERENCES runs(id),"
	"  state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'unchanged', 'fixed')),"
	"  UNIQUE (file_id, fingerprint)"
	");"
	/* what one analysis said about a finding */
	"CREATE TABLE occurrences ("
	"  id INTEGER PRIMARY KEY,"
	"  finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,"
	"  run_id INTEGER NOT NULL REFERENCES runs(id),"
	"  line INTEGER NOT NULL, col INTEGER NOT NULL,"
	"  end_line INTEGER NOT NULL, end_col INTEGER NOT NULL,"
	"  message TEXT NOT NULL,"
	"  related_path TEXT, related_line INTEGER, related_col INTEGER,"
	"  related_end_line INTEGER, related_end_col INTEGER, related_msg TEXT,"
	"  suppression TEXT"
	");"
	"CREATE INDEX occurrences_finding ON occurrences(finding_id);"
	/* the path trace of an occurrence */
	"CREATE TABLE steps ("
	"  occurrence_id INTEGER NOT NULL REFERENCES occurrences(id) ON DELETE CASCADE,"
	"  idx INTEGER NOT NULL,"
	"  kind INTEGER NOT NULL,"
	"  path TEXT NOT NULL,"
	"  line INTEGER NOT NULL, col INTEGER NOT NULL,"
	"  end_line INTEGER NOT NULL, end_col INTEGER NOT NULL,"
	"  message TEXT NOT NULL,"
	"  PRIMARY KEY (occurrence_id, idx)"
	") WITHOUT ROWID;"
	/* the occurrences each run reported; state against the previous run */
	"CREATE TABLE run_findings ("
	"  run_id INTEGER NOT NULL REFERENCES runs(id),"
	"  occurrence_id INTEGER NOT NULL REFERENCES occurrences(id) ON DELETE CASCADE,"
	"  state TEXT NOT NULL CHECK (state IN ('new', 'unchanged')),"
	"  PRIMARY KEY (run_id, occurrence_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX run_findings_occurrence ON run_findings(occurrence_id);"
	/* accepted findings: `check --baseline` reports only what is not here */
	"CREATE TABLE baseline ("
	"  path TEXT NOT NULL,"
	"  fingerprint TEXT NOT NULL,"
	"  rule TEXT NOT NULL,"
	"  function TEXT NOT NULL,"
	"  line INTEGER NOT NULL,"
	"  message TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  PRIMARY KEY (path, fingerprint)"
	") WITHOUT ROWID;";

static const char *const migrations[STORE_SCHEMA_VERSION] = {
	schema_v1,
};

int store_schema_migrate(struct store *s, int from, struct err *e)
{
	char sql[64];
	char *msg = NULL;
	for (int v = from; v < STORE_SCHEMA_VERSION; v++) {
		if (sqlite3_exec(s->db, migrations[v], NULL, NULL, &msg) != SQLITE_OK) {
			err_set(e, ERR_GENERIC, "%s: cannot create schema version %d: %s", s->path,
			        v + 1, msg ? msg : sqlite3_errmsg(s->db));
			sqlite3_free(msg);
			return ERR_GENERIC;
		}
	}
	/* PRAGMA values cannot be bound parameters; these are our constants. */
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d", STORE_APPLICATION_ID);
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlite_error(s, e);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlite_error(s, e);
	return 0;
}

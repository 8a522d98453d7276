/*
 * store.c — opening the findings database safely, the statement cache and
 * the transaction helpers (see store.h, store_internal.h, tech.md §5).
 *
 * Opening never writes before the file is known to be ours: SQLite opens
 * lazily, so the first PRAGMA read is what tells a text file or random bytes
 * (SQLITE_NOTADB) and a truncated file (SQLITE_CORRUPT) apart from a
 * database; the application id tells another program's database from ours;
 * PRAGMA quick_check finds damaged pages that the header alone does not
 * show. Only then are WAL and the schema set up. A bad file is refused with
 * a one-line message and left exactly as it was: the store never repairs,
 * renames or recreates it (the user decides).
 */
#include "store/store_internal.h"

#include "util/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* Long enough for another refcheck's per-TU transaction, or its schema
 * creation, to finish; transactions are short (one TU). */
#define BUSY_TIMEOUT_MS 60000
/* Pause between attempts when opening meets a lock it may not wait on. */
#define OPEN_RETRY_MS 10

int store_sqlite_error(struct store *s, struct err *e)
{
	int rc = sqlite3_errcode(s->db) & 0xff;
	if (rc == SQLITE_NOTADB)
		return err_set(e, ERR_CORRUPT, "%s: not a SQLite database (refusing to touch it)",
		               s->path);
	if (rc == SQLITE_CORRUPT)
		return err_set(e, ERR_CORRUPT, "%s: damaged database (%s); remove it to start afresh",
		               s->path, sqlite3_errmsg(s->db));
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return err_set(e, ERR_BUSY, "%s: %s (another process holds it)", s->path,
		               sqlite3_errmsg(s->db));
	return err_set(e, ERR_GENERIC, "%s: %s", s->path, sqlite3_errmsg(s->db));
}

sqlite3_stmt *store_prepare(struct store *s, const char *sql, struct err *e)
{
	sqlite3_stmt *st = strmap_get(&s->stmts, sql);
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		store_sqlite_error(s, e);
		return NULL;
	}
	strmap_put(&s->stmts, sql, st);
	return st;
}

int store_step(struct store *s, sqlite3_stmt *st, struct err *e)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_sqlite_error(s, e);
}

int store_step_done(struct store *s, sqlite3_stmt *st, struct err *e)
{
	int rc = store_step(s, st, e);
	return rc > 0 ? 0 : rc;
}

static int exec_plain(struct store *s, const char *sql, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, sql, e);
	if (!st)
		return e->code;
	int rc = store_step_done(s, st, e);
	sqlite3_reset(st);
	return rc;
}

int store_begin(struct store *s, struct err *e)
{
	/* IMMEDIATE: a deferred transaction that reads first cannot be upgraded
	 * to a writer in WAL once someone else committed, and the busy handler
	 * is not called for that case (tech.md §5). */
	int rc = exec_plain(s, "BEGIN IMMEDIATE", e);
	if (rc == 0)
		s->in_txn = true;
	return rc;
}

int store_commit(struct store *s, struct err *e)
{
	int rc = exec_plain(s, "COMMIT", e);
	if (rc == 0)
		s->in_txn = false;
	else
		store_rollback(s);
	return rc;
}

void store_rollback(struct store *s)
{
	if (!s->in_txn)
		return;
	/* Not through the cache: it must work even when preparing fails. */
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_txn = false;
}

void store_bind_text(sqlite3_stmt *st, int i, const char *text)
{
	if (text)
		sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

const char *store_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

void store_now(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int store_scalar(struct store *s, const char *sql, int64_t arg, int64_t *out, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, sql, e);
	if (!st)
		return e->code;
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, arg);
	int rc = store_step(s, st, e);
	*out = rc == 1 ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc < 0 ? rc : 0;
}

/* PRAGMA quick_check: "ok", or the first problem it lists. */
static int check_pages(struct store *s, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, "PRAGMA quick_check(1)", e);
	if (!st)
		return e->code;
	int rc = store_step(s, st, e);
	if (rc == 1 && strcmp(store_col_text(st, 0), "ok") != 0) {
		/* quick_check's report spans lines ("*** in database main ***\n
		 * Page 119: …"); keep the message on one. */
		char what[200];
		snprintf(what, sizeof(what), "%s", store_col_text(st, 0));
		for (char *p = what; *p; p++)
			if (*p == '\n')
				*p = ' ';
		rc = err_set(e, ERR_CORRUPT, "%s: damaged database (%s); remove it to start afresh",
		             s->path, what);
	}
	sqlite3_reset(st);
	return rc < 0 ? rc : 0;
}

/* Is this file ours? Sets *out_version (0 for a fresh, empty file). */
static int validate(struct store *s, int64_t *out_version, struct err *e)
{
	int64_t app = 0, version = 0, tables = 0;
	int error;
	/* One read transaction, one snapshot: another refcheck creating the
	 * schema in between must not make a half-read look like a foreign
	 * database (tables already there, application_id read before). */
	if ((error = exec_plain(s, "BEGIN", e)) < 0)
		return error;
	s->in_txn = true;
	if ((error = store_scalar(s, "PRAGMA application_id", 0, &app, e)) < 0 ||
	    (error = store_scalar(s, "PRAGMA user_version", 0, &version, e)) < 0 ||
	    (error = store_scalar(s, "SELECT count(*) FROM sqlite_master", 0, &tables, e)) < 0) {
		store_rollback(s);
		return error;
	}
	if ((error = store_commit(s, e)) < 0)
		return error;
	if (app == 0 && version == 0 && tables == 0) {
		*out_version = 0;
		return 0;
	}
	if (app != STORE_APPLICATION_ID)
		return err_set(e, ERR_CORRUPT,
		               "%s: a SQLite database of another application (application_id %lld), "
		               "not a refcheck database", s->path, (long long)app);
	if (version > STORE_SCHEMA_VERSION)
		return err_set(e, ERR_CORRUPT,
		               "%s: written by a newer refcheck (schema version %lld; this one knows %d)",
		               s->path, (long long)version, STORE_SCHEMA_VERSION);
	if ((error = check_pages(s, e)) < 0)
		return error;
	*out_version = version;
	return 0;
}

/* WAL and friends; then create or migrate the schema if needed. */
static int set_up(struct store *s, int64_t version, struct err *e)
{
	int error;
	sqlite3_stmt *st = store_prepare(s, "PRAGMA journal_mode = WAL", e);
	if (!st)
		return e->code;
	if ((error = store_step(s, st, e)) < 0)
		return error;
	if (strcmp(store_col_text(st, 0), "wal") != 0) {
		sqlite3_reset(st);
		return err_set(e, ERR_GENERIC, "%s: cannot use write-ahead logging here", s->path);
	}
	sqlite3_reset(st);
	if ((error = exec_plain(s, "PRAGMA synchronous = NORMAL", e)) < 0)
		return error;
	if (version == STORE_SCHEMA_VERSION)
		return 0;
	if ((error = store_begin(s, e)) < 0)
		return error;
	/* Another refcheck may have created or migrated it since we looked. */
	if ((error = store_scalar(s, "PRAGMA user_version", 0, &version, e)) == 0 &&
	    version < STORE_SCHEMA_VERSION)
		error = store_schema_migrate(s, (int)version, e);
	if (error < 0) {
		store_rollback(s);
		return error;
	}
	return store_commit(s, e);
}

/* mkdir -p of the folder that will hold `path`. */
static int make_parent(const char *path, struct err *e)
{
	char *dir = xstrdup(path);
	int error = 0;
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0777) != 0 && errno != EEXIST)
			error = err_set(e, ERR_GENERIC, "%s: cannot create folder %s: %s", path, dir,
			                strerror(errno));
		*p = '/';
		if (error)
			break;
	}
	free(dir);
	return error;
}

static int open_file(struct store *s, enum store_open_mode mode, struct err *e)
{
	struct stat sb;
	int flags = mode == STORE_OPEN_READ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (stat(s->path, &sb) != 0) {
		if (errno != ENOENT)
			return err_set(e, ERR_GENERIC, "%s: %s", s->path, strerror(errno));
		if (mode == STORE_OPEN_READ)
			return err_set(e, ERR_NOTFOUND,
			               "%s: no findings database (run `refcheck check` first)", s->path);
		int error = make_parent(s->path, e);
		if (error < 0)
			return error;
		flags |= SQLITE_OPEN_CREATE;
	} else if (!S_ISREG(sb.st_mode)) {
		return err_set(e, ERR_INVALID, "%s: not a regular file", s->path);
	}
	if (sqlite3_open_v2(s->path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		if (!s->db)
			return err_set(e, ERR_GENERIC, "%s: out of memory opening it", s->path);
		return store_sqlite_error(s, e);
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	return 0;
}

/*
 * Two refcheck processes that create one database at once can meet where
 * SQLite gives up without calling the busy handler: in rollback mode (a new
 * file is in rollback mode until PRAGMA journal_mode = WAL has written its
 * header), a connection that holds a read lock and asks for the write lock
 * while the other holds it gets SQLITE_BUSY at once, since waiting could
 * deadlock. Validation and set-up only read, or write in one transaction
 * that checks again what it found, so store_open repeats them after a
 * short pause instead of failing the run.
 */
static void open_retry_pause(void)
{
	struct timespec ts = { 0, OPEN_RETRY_MS * 1000000L };
	nanosleep(&ts, NULL);
}

int store_open(struct store **out, const char *path, enum store_open_mode mode, struct err *e)
{
	struct store *s = xcalloc(1, sizeof(*s));
	int64_t version = 0;
	int error;
	s->path = xstrdup(path ? path : STORE_DEFAULT_PATH);
	if ((error = open_file(s, mode, e)) < 0)
		goto cleanup;
	for (int64_t waited = 0;; waited += OPEN_RETRY_MS) {
		error = validate(s, &version, e);
		if (error == 0 && mode == STORE_OPEN_WRITE)
			error = set_up(s, version, e);
		if (error != ERR_BUSY || waited >= BUSY_TIMEOUT_MS)
			break;
		/* See open_retry_pause: every step here is safe to repeat. */
		store_rollback(s);
		err_clear(e);
		open_retry_pause();
	}
	if (error == 0 && mode == STORE_OPEN_READ && version == 0)
		error = err_set(e, ERR_NOTFOUND, "%s: empty findings database (no runs yet)", s->path);
	if (error == 0)
		error = exec_plain(s, "PRAGMA foreign_keys = ON", e);
cleanup:
	if (error < 0) {
		store_close(s);
		s = NULL;
	}
	*out = s;
	return error;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	store_rollback(s);
	size_t it = 0;
	const char *key;
	void *st;
	while (strmap_next(&s->stmts, &it, &key, &st))
		sqlite3_finalize(st);
	strmap_dispose(&s->stmts);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

const char *store_path(const struct store *s)
{
	return s->path;
}

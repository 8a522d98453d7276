/*
 * store_internal.h — what the store's files share (store.c, schema.c,
 * run.c, query.c, baseline.c): the connection, the prepared-statement
 * cache and the transaction helpers.
 *
 * Invariants: every statement comes from store_prepare (prepared once,
 * reset and unbound on each fetch, so no data is ever pasted into SQL);
 * every write goes through store_begin (BEGIN IMMEDIATE) … store_commit,
 * or store_rollback on any error; every SQLite error goes through
 * store_sqlite_error, which names the file and maps a damaged or foreign
 * file to ERR_CORRUPT.
 */
#ifndef REFCHECK_STORE_INTERNAL_H
#define REFCHECK_STORE_INTERNAL_H

#include "store/store.h"
#include "util/strmap.h"

#include <sqlite3.h>

struct store {
	sqlite3 *db;
	char *path;
	struct strmap stmts;    /* SQL text (a string literal) → sqlite3_stmt */
	bool in_txn;
};

/* The cached statement for `sql` (a string literal), reset and with no
 * bindings; NULL on error (recorded in e). */
sqlite3_stmt *store_prepare(struct store *s, const char *sql, struct err *e);
/* Record the connection's last error: ERR_CORRUPT for SQLITE_CORRUPT and
 * SQLITE_NOTADB, ERR_GENERIC otherwise. Returns the code. */
int store_sqlite_error(struct store *s, struct err *e);
/* Step a statement that returns no row (SQLITE_DONE); 0 or an error. */
int store_step_done(struct store *s, sqlite3_stmt *st, struct err *e);
/* SQLITE_ROW → 1, SQLITE_DONE → 0, else the error (negative). */
int store_step(struct store *s, sqlite3_stmt *st, struct err *e);

int store_begin(struct store *s, struct err *e);
int store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);

/* Bind helpers: text may be NULL (binds NULL). */
void store_bind_text(sqlite3_stmt *st, int i, const char *text);
/* Column text, "" for NULL. */
const char *store_col_text(sqlite3_stmt *st, int i);

/* Current UTC time, ISO 8601. */
void store_now(char out[32]);

/* schema.c: bring the schema from version `from` to STORE_SCHEMA_VERSION
 * and stamp the application id (inside the caller's transaction). */
int store_schema_migrate(struct store *s, int from, struct err *e);

/* The first column of sql's first row (0 when there is none), with ?1
 * bound to arg if the statement has a parameter. */
int store_scalar(struct store *s, const char *sql, int64_t arg, int64_t *out, struct err *e);

/* query.c: append the occurrences a statement yields to a finding list.
 * The statement selects STORE_OCC_COLUMNS from findings f joined with
 * occurrences o, then (when states are wanted) the state's name. */
#define STORE_OCC_COLUMNS                                                       \
	"f.rule, f.path, f.function, f.fingerprint, o.line, o.col, o.end_line,"  \
	" o.end_col, o.message, o.related_path, o.related_line, o.related_col,"  \
	" o.related_end_line, o.related_end_col, o.related_msg, o.suppression, o.id"
#define STORE_OCC_NCOLUMNS 17
int store_load_occurrences(struct store *s, sqlite3_stmt *st, struct finding_list *out,
                           enum store_state **states, struct err *e);

#endif

/*
 * test_store_open.c — opening the findings database: a fresh file gets our
 * schema, WAL and application id; every kind of bad file (text, random
 * bytes, truncated, damaged pages, another program's SQLite database, a
 * newer schema) is refused with ERR_CORRUPT and a message naming it, and is
 * left byte for byte as it was.
 */
#include "store_fixture.h"

#include <sqlite3.h>
#include <sys/stat.h>

TestSuite(store_open, .init = fx_setup, .fini = fx_teardown);

static int64_t pragma(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void exec_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* Opening `path` for writing fails with ERR_CORRUPT, names the file and the
 * expected problem, and leaves the bytes untouched. */
static void expect_refused(const char *path, const char *problem)
{
	size_t before_len, after_len;
	char *before = fx_read(path, &before_len);
	struct store *s = (struct store *)1;
	struct err e = { 0 };
	int rc = store_open(&s, path, STORE_OPEN_WRITE, &e);
	cr_assert_eq(rc, ERR_CORRUPT, "rc %d: %s", rc, e.msg);
	cr_assert_null(s);
	cr_assert_not_null(strstr(e.msg, path), "message does not name the file: %s", e.msg);
	cr_assert_not_null(strstr(e.msg, problem), "message lacks '%s': %s", problem, e.msg);
	cr_assert_null(strchr(e.msg, '\n'), "not one line: %s", e.msg);
	char *after = fx_read(path, &after_len);
	cr_assert_eq(before_len, after_len);
	cr_assert_eq(memcmp(before, after, before_len), 0, "the refused file was modified");
	free(before);
	free(after);
	/* Reading is refused the same way. */
	err_clear(&e);
	cr_assert_eq(store_open(&s, path, STORE_OPEN_READ, &e), ERR_CORRUPT, "%s", e.msg);
}

/* A database of ours holding enough rows to span many pages. */
static void make_big_db(const char *path)
{
	struct store *s;
	struct err e = { 0 };
	int64_t run;
	cr_assert_eq(store_open(&s, path, STORE_OPEN_WRITE, &e), 0, "%s", e.msg);
	cr_assert_eq(store_run_begin(s, &run, "t", "check", "", &e), 0, "%s", e.msg);
	struct finding_list l;
	finding_list_init(&l);
	for (int i = 0; i < 3000; i++) {
		char msg[100];
		snprintf(msg, sizeof(msg), "reference to 'obj%d' leaks on this path, padding padding", i);
		fx_add(&l, "/nonexistent/a.c", (uint32_t)i + 1, RULE_REFCOUNT_LEAK, "f", msg);
	}
	fx_record(s, run, "/nonexistent/a.c", &l, "k");
	struct store_run_counts c = { .files = 1 };
	cr_assert_eq(store_run_finish(s, run, &c, &e), 0, "%s", e.msg);
	finding_list_dispose(&l);
	store_close(s);
	struct stat sb;
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_gt(sb.st_size, 200 * 1024, "database too small: %lld", (long long)sb.st_size);
}

Test(store_open, creates_schema_wal_and_application_id)
{
	const char *path = fx_path("sub/dir/refcheck.db");
	struct store *s;
	struct err e = { 0 };
	cr_assert_eq(store_open(&s, path, STORE_OPEN_WRITE, &e), 0, "%s", e.msg);
	cr_assert_str_eq(store_path(s), path);
	store_close(s);
	cr_assert_eq(pragma(path, "PRAGMA application_id"), STORE_APPLICATION_ID);
	cr_assert_eq(pragma(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	cr_assert_eq(pragma(path, "SELECT count(*) FROM sqlite_master WHERE name = 'findings'"), 1);
	cr_assert_eq(pragma(path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
	/* Reopening an existing database of ours works, and changes nothing. */
	cr_assert_eq(store_open(&s, path, STORE_OPEN_WRITE, &e), 0, "%s", e.msg);
	store_close(s);
	cr_assert_eq(store_open(&s, path, STORE_OPEN_READ, &e), 0, "%s", e.msg);
	store_close(s);
}

Test(store_open, empty_file_becomes_a_database)
{
	const char *path = fx_path("empty.db");
	fx_write(path, "", 0);
	struct store *s;
	struct err e = { 0 };
	cr_assert_eq(store_open(&s, path, STORE_OPEN_WRITE, &e), 0, "%s", e.msg);
	store_close(s);
	cr_assert_eq(pragma(path, "PRAGMA application_id"), STORE_APPLICATION_ID);
}

Test(store_open, read_mode_needs_an_existing_database)
{
	const char *path = fx_path("missing.db");
	struct store *s;
	struct err e = { 0 };
	cr_assert_eq(store_open(&s, path, STORE_OPEN_READ, &e), ERR_NOTFOUND);
	cr_assert_not_null(strstr(e.msg, path));
	cr_assert_neq(access(path, F_OK), 0, "read mode created the file");
}

Test(store_open, text_file_is_refused)
{
	const char *path = fx_path("notes.db");
	const char text[] = "These are my notes, not a database.\nLine two.\n";
	fx_write(path, text, sizeof(text) - 1);
	expect_refused(path, "not a SQLite database");
	cr_assert_neq(access(fx_path("notes.db-wal"), F_OK), 0, "a WAL file appeared");
}

Test(store_open, random_bytes_are_refused)
{
	const char *path = fx_path("random.db");
	char buf[8192];
	srand(42);
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(rand() & 0xff);
	fx_write(path, buf, sizeof(buf));
	expect_refused(path, "not a SQLite database");
}

Test(store_open, truncated_database_is_refused)
{
	const char *path = fx_path("trunc.db");
	make_big_db(path);
	size_t len;
	char *bytes = fx_read(path, &len);
	fx_write(path, bytes, len / 3);
	free(bytes);
	expect_refused(path, "damaged database");
}

Test(store_open, damaged_pages_are_refused)
{
	const char *path = fx_path("damaged.db");
	make_big_db(path);
	size_t len;
	char *bytes = fx_read(path, &len);
	/* Garble twenty pages in the middle; page 1 (the header) stays intact. */
	srand(7);
	size_t page = 4096;
	for (size_t p = len / page / 3; p < len / page / 3 + 20 && (p + 1) * page <= len; p++)
		for (size_t i = 0; i < page; i++)
			bytes[p * page + i] = (char)(rand() & 0xff);
	fx_write(path, bytes, len);
	free(bytes);
	cr_assert_eq(pragma(path, "PRAGMA application_id"), STORE_APPLICATION_ID,
	             "the header should still look like ours");
	expect_refused(path, "damaged database");
}

Test(store_open, another_programs_database_is_refused)
{
	const char *path = fx_path("other.db");
	exec_sql(path, "CREATE TABLE contacts (name TEXT, phone TEXT);"
	               "INSERT INTO contacts VALUES ('Ada', '123');");
	expect_refused(path, "another application");
	const char *path2 = fx_path("other2.db");
	exec_sql(path2, "PRAGMA application_id = 1234; PRAGMA user_version = 3;"
	                "CREATE TABLE t (x);");
	expect_refused(path2, "application_id 1234");
}

Test(store_open, newer_schema_is_refused)
{
	const char *path = fx_path("newer.db");
	struct store *s;
	struct err e = { 0 };
	cr_assert_eq(store_open(&s, path, STORE_OPEN_WRITE, &e), 0, "%s", e.msg);
	store_close(s);
	exec_sql(path, "PRAGMA user_version = 99");
	expect_refused(path, "newer refcheck");
}

Test(store_open, folder_is_not_a_database)
{
	const char *path = fx_path("adir");
	cr_assert_eq(mkdir(path, 0777), 0);
	struct store *s;
	struct err e = { 0 };
	cr_assert_eq(store_open(&s, path, STORE_OPEN_WRITE, &e), ERR_INVALID);
	cr_assert_not_null(strstr(e.msg, "not a regular file"), "%s", e.msg);
}

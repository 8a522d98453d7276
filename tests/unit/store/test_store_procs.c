/*
 * test_store_procs.c — several processes on one database: two writers at
 * once (both finish, one waits for the other's transactions, also while
 * the file is being created), and a writer killed with SIGKILL in the
 * middle of a run (the previous run's findings stay intact and the file
 * stays sound).
 */
#include "store_fixture.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <time.h>

TestSuite(store_procs, .init = fx_setup, .fini = fx_teardown, .timeout = 120);

#define NTU 40
#define NFINDINGS 10

static int write_tu(struct store *s, int64_t run, int who, int tu, struct err *e)
{
	char path[64];
	snprintf(path, sizeof(path), "/w%d/t%d.c", who, tu);
	struct finding_list l;
	finding_list_init(&l);
	for (int i = 0; i < NFINDINGS; i++)
		fx_add(&l, path, (uint32_t)(i * 3 + 1), RULE_REFCOUNT_LEAK, "f", "leak");
	report_fingerprint_list(&l, NULL);
	struct store_tu_key k = { .path = path, .key = "k", .content = "c", .flags = "f", .env = "e" };
	struct store_tu_result r = { .key = &k, .findings = &l };
	int rc = store_tu_record(s, run, &r, e);
	finding_list_dispose(&l);
	return rc;
}

/* One complete run of NTU TUs; returns 0 on success. */
static int writer(const char *path, int who)
{
	struct store *s;
	struct err e = { 0 };
	int64_t run;
	if (store_open(&s, path, STORE_OPEN_WRITE, &e) < 0 ||
	    store_run_begin(s, &run, "t", "check", "", &e) < 0) {
		fprintf(stderr, "writer %d: %s\n", who, e.msg);
		return 1;
	}
	for (int t = 0; t < NTU; t++)
		if (write_tu(s, run, who, t, &e) < 0) {
			fprintf(stderr, "writer %d: %s\n", who, e.msg);
			return 1;
		}
	struct store_run_counts c = { .files = NTU };
	if (store_run_finish(s, run, &c, &e) < 0) {
		fprintf(stderr, "writer %d: %s\n", who, e.msg);
		return 1;
	}
	store_close(s);
	return c.new_findings == NTU * NFINDINGS ? 0 : 2;
}

static uint32_t run_size(struct store *s, int64_t run)
{
	struct finding_list l;
	struct err e = { 0 };
	finding_list_init(&l);
	cr_assert_eq(store_run_findings(s, run, STORE_UNCHANGED, &l, NULL, &e), 0, "%s", e.msg);
	uint32_t n = l.n;
	finding_list_dispose(&l);
	return n;
}

Test(store_procs, two_writers_both_finish)
{
	const char *path = fx_path("shared.db");
	pid_t pids[2];
	for (int w = 0; w < 2; w++) {
		pids[w] = fork();
		cr_assert_geq(pids[w], 0);
		if (pids[w] == 0)
			_exit(writer(path, w));
	}
	for (int w = 0; w < 2; w++) {
		int status;
		cr_assert_eq(waitpid(pids[w], &status, 0), pids[w]);
		cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		          "writer %d failed (status %d)", w, status);
	}
	struct store *s;
	struct err e = { 0 };
	cr_assert_eq(store_open(&s, path, STORE_OPEN_READ, &e), 0, "%s", e.msg);
	cr_assert_eq(run_size(s, 1), NTU * NFINDINGS);
	cr_assert_eq(run_size(s, 2), NTU * NFINDINGS);
	struct store_run_info a, b;
	cr_assert_eq(store_run_get(s, 1, &a, &e), 0);
	cr_assert_eq(store_run_get(s, 2, &b, &e), 0);
	cr_assert(a.complete && b.complete);
	store_run_info_dispose(&a);
	store_run_info_dispose(&b);
	store_close(s);
}

/* Fork a child that runs body(path, ready_fd) and exits with its result;
 * body writes one byte to ready_fd when the parent may go on. Returns the
 * child's pid once that byte has arrived (`what` names the wait). */
static pid_t spawn_until_ready(int (*body)(const char *path, int ready_fd), const char *path,
                               const char *what)
{
	int pipefd[2];
	cr_assert_eq(pipe(pipefd), 0);
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		close(pipefd[0]);
		_exit(body(path, pipefd[1]));
	}
	close(pipefd[1]);
	char c;
	cr_assert_eq(read(pipefd[0], &c, 1), 1, "the child died before %s", what);
	close(pipefd[0]);
	return pid;
}

/* Run 1 complete, then run 2 writing forever (until killed). */
static int write_then_keep_writing(const char *path, int ready_fd)
{
	if (writer(path, 0) != 0)
		return 1;
	struct store *s;
	struct err e = { 0 };
	int64_t run;
	if (store_open(&s, path, STORE_OPEN_WRITE, &e) < 0 ||
	    store_run_begin(s, &run, "t", "check", "", &e) < 0)
		return 1;
	if (write(ready_fd, "x", 1) != 1)
		return 1;
	for (int t = 0;; t++)
		if (write_tu(s, run, 1, t, &e) < 0)
			return 1;
}

Test(store_procs, killed_run_keeps_previous_findings)
{
	const char *path = fx_path("killed.db");
	pid_t pid = spawn_until_ready(write_then_keep_writing, path, "run 1 finished");
	struct timespec ts = { 0, 300 * 1000 * 1000 };
	nanosleep(&ts, NULL);
	cr_assert_eq(kill(pid, SIGKILL), 0);
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the writer was not killed");

	struct store *s;
	struct err e = { 0 };
	cr_assert_eq(store_open(&s, path, STORE_OPEN_WRITE, &e), 0, "%s", e.msg);
	int64_t latest;
	cr_assert_eq(store_run_latest(s, &latest, &e), 0);
	cr_assert_eq(latest, 1);
	cr_assert_eq(run_size(s, 1), NTU * NFINDINGS);
	struct store_run_info info;
	cr_assert_eq(store_run_get(s, 2, &info, &e), 0, "%s", e.msg);
	cr_assert_not(info.complete);
	store_run_info_dispose(&info);
	/* And the database still takes a complete run. */
	store_close(s);
	cr_assert_eq(writer(path, 2), 0);
}

/*
 * The lock SQLite refuses to wait for: another process holds the write lock
 * of a file still in rollback mode (it is creating the database), and
 * opening reads (a shared lock) and then asks to write (WAL set-up, the
 * schema). SQLite answers "database is locked" at once, since waiting while
 * holding the read lock could deadlock; opening must try again, not fail.
 */
/* Create the file and hold its write lock for 300 ms. */
static int hold_write_lock_while_creating(const char *path, int ready_fd)
{
	sqlite3 *db;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != 0 ||
	    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
	    write(ready_fd, "x", 1) != 1)
		return 1;
	struct timespec ts = { 0, 300 * 1000 * 1000 };
	nanosleep(&ts, NULL);
	return sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_close(db) == SQLITE_OK ? 0 : 1;
}

Test(store_procs, open_waits_for_a_creator_holding_the_write_lock)
{
	const char *path = fx_path("creating.db");
	pid_t pid = spawn_until_ready(hold_write_lock_while_creating, path, "it held the lock");
	struct store *s;
	struct err e = { 0 };
	int rc = store_open(&s, path, STORE_OPEN_WRITE, &e);
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the creator failed");
	cr_assert_eq(rc, 0, "%s", e.msg);
	store_close(s);
	cr_assert_eq(writer(path, 0), 0);
}

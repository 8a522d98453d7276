/*
 * test_store_runs.c — runs, states, reuse, diff and baselines: a finding is
 * new the first time, unchanged after, fixed when its TU no longer has it;
 * a run that never finishes changes nothing reports read; an unchanged TU's
 * findings come back with their steps; the baseline marks (never drops)
 * accepted findings.
 */
#include "store_fixture.h"

TestSuite(store_runs, .init = fx_setup, .fini = fx_teardown);

static struct store *open_db(void)
{
	struct store *s;
	struct err e = { 0 };
	cr_assert_eq(store_open(&s, fx_path("r.db"), STORE_OPEN_WRITE, &e), 0, "%s", e.msg);
	return s;
}

static int64_t begin(struct store *s)
{
	int64_t run;
	struct err e = { 0 };
	cr_assert_eq(store_run_begin(s, &run, "0.1.0", "check a.c b.c", "runtime", &e), 0, "%s", e.msg);
	return run;
}

static struct store_run_counts finish(struct store *s, int64_t run)
{
	struct store_run_counts c = { .files = 2 };
	struct err e = { 0 };
	cr_assert_eq(store_run_finish(s, run, &c, &e), 0, "%s", e.msg);
	return c;
}

/* Record a.c with findings at the given lines (0 ends the list). */
static void record_a(struct store *s, int64_t run, const uint32_t *lines)
{
	struct finding_list l;
	finding_list_init(&l);
	for (; *lines; lines++) {
		char msg[64];
		snprintf(msg, sizeof(msg), "leak %u", *lines);
		fx_add(&l, fx_path("a.c"), *lines, RULE_REFCOUNT_LEAK, "f", msg);
	}
	fx_record(s, run, fx_path("a.c"), &l, "ka");
	finding_list_dispose(&l);
}

/* A source file whose lines 1..n say "line <i>;". */
static void write_source(const char *name, int n)
{
	char buf[4096] = "";
	for (int i = 1; i <= n; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "line%d();\n", i);
	fx_write(fx_path(name), buf, strlen(buf));
}

static uint32_t count_findings(struct store *s, int64_t run, enum store_state which,
                               enum store_state **states)
{
	struct finding_list l;
	struct err e = { 0 };
	finding_list_init(&l);
	cr_assert_eq(store_run_findings(s, run, which, &l, states, &e), 0, "%s", e.msg);
	uint32_t n = l.n;
	finding_list_dispose(&l);
	return n;
}

Test(store_runs, new_unchanged_fixed)
{
	write_source("a.c", 20);
	struct store *s = open_db();
	int64_t r1 = begin(s);
	record_a(s, r1, (uint32_t[]){ 3, 7, 0 });
	struct store_run_counts c1 = finish(s, r1);
	cr_assert_eq(c1.new_findings, 2);
	cr_assert_eq(c1.fixed, 0);

	int64_t r2 = begin(s);
	record_a(s, r2, (uint32_t[]){ 3, 7, 0 });
	struct store_run_counts c2 = finish(s, r2);
	cr_assert_eq(c2.new_findings, 0, "same findings again must be unchanged");
	enum store_state *st = NULL;
	cr_assert_eq(count_findings(s, r2, STORE_UNCHANGED, &st), 2);
	cr_assert_eq(st[0], STORE_UNCHANGED);
	cr_assert_eq(st[1], STORE_UNCHANGED);
	free(st);

	int64_t r3 = begin(s);
	record_a(s, r3, (uint32_t[]){ 3, 12, 0 });
	struct store_run_counts c3 = finish(s, r3);
	cr_assert_eq(c3.new_findings, 1);
	cr_assert_eq(c3.fixed, 1);
	cr_assert_eq(count_findings(s, r3, STORE_NEW, NULL), 1);
	struct finding_list fixed;
	struct err e = { 0 };
	finding_list_init(&fixed);
	cr_assert_eq(store_run_findings(s, r3, STORE_FIXED, &fixed, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(fixed.n, 1);
	cr_assert_eq(fixed.items[0]->loc.line, 7);
	cr_assert_str_eq(fixed.items[0]->message, "leak 7");
	finding_list_dispose(&fixed);

	/* Run 1 is still reported as it was. */
	cr_assert_eq(count_findings(s, r1, STORE_UNCHANGED, NULL), 2);
	int64_t latest;
	cr_assert_eq(store_run_latest(s, &latest, &e), 0);
	cr_assert_eq(latest, r3);
	int64_t prev;
	cr_assert_eq(store_run_previous(s, r3, &prev, &e), 0);
	cr_assert_eq(prev, r2);
	store_close(s);
}

Test(store_runs, findings_come_back_whole)
{
	write_source("a.c", 20);
	struct store *s = open_db();
	int64_t r1 = begin(s);
	record_a(s, r1, (uint32_t[]){ 9, 0 });
	finish(s, r1);
	struct finding_list l;
	struct err e = { 0 };
	finding_list_init(&l);
	cr_assert_eq(store_run_findings(s, r1, STORE_UNCHANGED, &l, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(l.n, 1);
	struct finding *f = l.items[0];
	cr_assert_eq(f->rule, RULE_REFCOUNT_LEAK);
	cr_assert_str_eq(f->loc.file, fx_path("a.c"));
	cr_assert_eq(f->loc.line, 9);
	cr_assert_eq(f->loc.col, 5);
	cr_assert_eq(f->loc.end_col, 12);
	cr_assert_str_eq(f->function, "f");
	cr_assert(f->has_related);
	cr_assert_eq(f->related.line, 8);
	cr_assert_str_eq(f->related_msg, "new reference from rc_list_new");
	cr_assert_eq(f->nsteps, 2);
	cr_assert_eq(f->steps[0].kind, STEP_ACQUIRE);
	cr_assert_str_eq(f->steps[1].msg, "leaks here");
	cr_assert_not_null(f->fingerprint);
	cr_assert_not(f->suppressed);
	finding_list_dispose(&l);
	struct store_run_info info;
	cr_assert_eq(store_run_get(s, r1, &info, &e), 0);
	cr_assert(info.complete);
	cr_assert_str_eq(info.args, "check a.c b.c");
	cr_assert_str_eq(info.packs, "runtime");
	cr_assert_eq(info.counts.files, 2);
	cr_assert_neq(info.finished[0], '\0');
	store_run_info_dispose(&info);
	store_close(s);
}

Test(store_runs, unfinished_run_changes_nothing)
{
	write_source("a.c", 20);
	struct store *s = open_db();
	int64_t r1 = begin(s);
	record_a(s, r1, (uint32_t[]){ 3, 7, 0 });
	finish(s, r1);
	/* A run that records a.c with other findings, then dies. */
	int64_t r2 = begin(s);
	record_a(s, r2, (uint32_t[]){ 4, 0 });
	store_close(s);

	s = open_db();
	struct err e = { 0 };
	int64_t latest;
	cr_assert_eq(store_run_latest(s, &latest, &e), 0);
	cr_assert_eq(latest, r1, "an unfinished run must not be the latest");
	cr_assert_eq(count_findings(s, r1, STORE_UNCHANGED, NULL), 2);
	struct store_run_info info;
	cr_assert_eq(store_run_get(s, r2, &info, &e), 0);
	cr_assert_not(info.complete);
	store_run_info_dispose(&info);
	/* The next run compares against run 1: line 3 and 7 are still known. */
	int64_t r3 = begin(s);
	record_a(s, r3, (uint32_t[]){ 3, 7, 0 });
	struct store_run_counts c = finish(s, r3);
	cr_assert_eq(c.new_findings, 0);
	cr_assert_eq(c.fixed, 0);
	store_close(s);
}

Test(store_runs, reuse_lists_the_last_findings_again)
{
	write_source("a.c", 20);
	struct store *s = open_db();
	int64_t r1 = begin(s);
	record_a(s, r1, (uint32_t[]){ 3, 7, 0 });
	finish(s, r1);
	int64_t r2 = begin(s);
	struct finding_list l;
	struct err e = { 0 };
	uint32_t partial = 99;
	finding_list_init(&l);
	cr_assert_eq(store_tu_reuse(s, r2, fx_path("a.c"), &l, &partial, &e), 0, "%s", e.msg);
	cr_assert_eq(l.n, 2);
	cr_assert_eq(partial, 0);
	cr_assert_eq(l.items[0]->nsteps, 2);
	finding_list_dispose(&l);
	struct store_run_counts c = finish(s, r2);
	cr_assert_eq(c.new_findings, 0);
	cr_assert_eq(c.fixed, 0);
	cr_assert_eq(count_findings(s, r2, STORE_UNCHANGED, NULL), 2);
	finding_list_init(&l);
	cr_assert_eq(store_tu_reuse(s, r2, "/never/seen.c", &l, NULL, &e), ERR_NOTFOUND);
	finding_list_dispose(&l);
	store_close(s);
}

Test(store_runs, a_run_of_one_file_leaves_the_others_alone)
{
	write_source("a.c", 20);
	write_source("b.c", 20);
	struct store *s = open_db();
	int64_t r1 = begin(s);
	record_a(s, r1, (uint32_t[]){ 3, 0 });
	struct finding_list l;
	finding_list_init(&l);
	fx_add(&l, fx_path("b.c"), 5, RULE_REFCOUNT_OVER_RELEASE, "g", "over");
	fx_record(s, r1, fx_path("b.c"), &l, "kb");
	finding_list_dispose(&l);
	finish(s, r1);
	/* The editor re-checks a.c only: b.c's finding is not "fixed". */
	int64_t r2 = begin(s);
	record_a(s, r2, (uint32_t[]){ 3, 0 });
	struct store_run_counts c = finish(s, r2);
	cr_assert_eq(c.fixed, 0);
	cr_assert_eq(c.new_findings, 0);
	store_close(s);
}

Test(store_runs, diff_of_two_runs)
{
	write_source("a.c", 20);
	struct store *s = open_db();
	int64_t r1 = begin(s);
	record_a(s, r1, (uint32_t[]){ 3, 7, 0 });
	finish(s, r1);
	int64_t r2 = begin(s);
	record_a(s, r2, (uint32_t[]){ 7, 11, 15, 0 });
	finish(s, r2);
	struct finding_list added, removed;
	struct err e = { 0 };
	finding_list_init(&added);
	finding_list_init(&removed);
	cr_assert_eq(store_diff(s, r1, r2, &added, &removed, &e), 0, "%s", e.msg);
	cr_assert_eq(added.n, 2);
	cr_assert_eq(added.items[0]->loc.line, 11);
	cr_assert_eq(added.items[1]->loc.line, 15);
	cr_assert_eq(removed.n, 1);
	cr_assert_eq(removed.items[0]->loc.line, 3);
	finding_list_dispose(&added);
	finding_list_dispose(&removed);
	store_close(s);
}

Test(store_runs, baseline_marks_accepted_findings)
{
	write_source("a.c", 20);
	struct store *s = open_db();
	struct err e = { 0 };
	int64_t r1 = begin(s);
	record_a(s, r1, (uint32_t[]){ 3, 7, 0 });
	finish(s, r1);
	uint32_t n = 0;
	cr_assert_eq(store_baseline_create(s, r1, &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	struct finding_list l;
	finding_list_init(&l);
	cr_assert_eq(store_baseline_list(s, &l, &e), 0);
	cr_assert_eq(l.n, 2);
	cr_assert_eq(l.items[0]->loc.line, 3);
	finding_list_dispose(&l);

	int64_t r2 = begin(s);
	record_a(s, r2, (uint32_t[]){ 3, 7, 9, 0 });
	finish(s, r2);
	finding_list_init(&l);
	cr_assert_eq(store_run_findings(s, r2, STORE_UNCHANGED, &l, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(l.n, 3, "baselined findings are kept, only marked");
	uint32_t marked = 0;
	for (uint32_t i = 0; i < l.n; i++)
		if (l.items[i]->suppressed) {
			cr_assert_str_eq(l.items[i]->suppression, "baseline");
			marked++;
		}
	cr_assert_eq(marked, 2);
	cr_assert_not(l.items[2]->suppressed, "line 9 is not in the baseline");
	finding_list_dispose(&l);

	cr_assert_eq(store_baseline_clear(s, &n, &e), 0);
	cr_assert_eq(n, 2);
	finding_list_init(&l);
	cr_assert_eq(store_baseline_list(s, &l, &e), 0);
	cr_assert_eq(l.n, 0);
	finding_list_dispose(&l);
	cr_assert_eq(store_baseline_create(s, 999, &n, &e), ERR_NOTFOUND);
	store_close(s);
}

struct seen {
	int n;
	char names[4][32];
};

static int collect_summary(const char *tu, const char *name, const char *data, void *arg)
{
	struct seen *seen = arg;
	cr_assert_str_eq(tu, "/src/util.c");
	cr_assert_eq(strncmp(data, "returns=", 8), 0);
	snprintf(seen->names[seen->n++], 32, "%s", name);
	return 0;
}

Test(store_runs, summaries_of_other_files)
{
	struct store *s = open_db();
	int64_t r1 = begin(s);
	struct store_summary sa[] = { { "helper_new", "returns=new" }, { "helper_get", "returns=borrowed" } };
	struct store_summary sb[] = { { "main_fn", "returns=none" } };
	struct store_tu_key ka = { .path = "/src/util.c", .key = "k1" }, kb = { .path = "/src/main.c", .key = "k2" };
	struct store_tu_result ra = { .key = &ka, .summaries = sa, .nsummaries = 2 };
	struct store_tu_result rb = { .key = &kb, .summaries = sb, .nsummaries = 1 };
	struct err e = { 0 };
	cr_assert_eq(store_tu_record(s, r1, &ra, &e), 0, "%s", e.msg);
	cr_assert_eq(store_tu_record(s, r1, &rb, &e), 0, "%s", e.msg);
	finish(s, r1);
	struct seen seen = { 0 };
	cr_assert_eq(store_summaries_each(s, "/src/main.c", NULL, collect_summary, &seen, &e), 0);
	cr_assert_eq(seen.n, 2);
	cr_assert_str_eq(seen.names[0], "helper_get");
	cr_assert_str_eq(seen.names[1], "helper_new");
	/* Re-recording util.c replaces its summaries. */
	ra.nsummaries = 1;
	cr_assert_eq(store_tu_record(s, r1, &ra, &e), 0, "%s", e.msg);
	seen.n = 0;
	cr_assert_eq(store_summaries_each(s, "/src/main.c", NULL, collect_summary, &seen, &e), 0);
	cr_assert_eq(seen.n, 1);
	store_close(s);
}

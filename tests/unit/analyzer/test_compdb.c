/*
 * test_compdb.c — inputs: folders searched for *.c in a deterministic
 * order, missing paths and empty folders reported, compile_commands.json
 * in both forms ("command", "arguments") with working directories,
 * malformed databases and entries for missing files, and a database
 * command parsed with a GCC-only flag.
 */
#include "frontend/fe.h"
#include "ir/ir.h"
#include "util/err.h"
#include "util/strbuf.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void make_dir(void)
{
	strcpy(dir, "/tmp/refcheck-compdb-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd), 0);
}

static char *path_in(const char *rel)
{
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "%s/%s", dir, rel);
	return sb_detach(&sb);
}

static void write_file(const char *rel, const char *text)
{
	char *p = path_in(rel);
	/* create the parent folders */
	for (char *s = strchr(p + strlen(dir) + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	FILE *f = fopen(p, "w");
	cr_assert_not_null(f, "cannot write %s", p);
	fputs(text, f);
	fclose(f);
	free(p);
}

struct problems {
	unsigned n;
	char last[512];
};

static void record_problem(const char *msg, void *arg)
{
	struct problems *p = arg;
	p->n++;
	snprintf(p->last, sizeof(p->last), "%s", msg);
}

/* The jobs' files, relative to dir, joined by spaces. */
static char *files_of(const struct fe_joblist *l)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(dir);
	for (size_t i = 0; i < l->n; i++) {
		const char *f = l->jobs[i].file;
		if (strncmp(f, dir, n) == 0 && f[n] == '/')
			f += n + 1;
		sb_printf(&sb, "%s%s", i ? " " : "", f);
	}
	return sb_detach(&sb);
}

TestSuite(compdb, .init = make_dir, .fini = remove_dir);

Test(compdb, folders_sorted_recursive)
{
	write_file("src/b.c", "");
	write_file("src/a.c", "");
	write_file("src/sub/c.c", "");
	write_file("src/A.c", "");
	write_file("src/notes.txt", "");
	write_file("src/x.h", "");
	write_file("src/.hidden/h.c", "");
	char *src = path_in("src"), *a = path_in("src/a.c");
	char *paths[] = { src, a };
	char *flags[] = { (char *)"-DX=1" };
	struct fe_joblist l = { 0 };
	struct problems p = { 0 };
	cr_expect_eq(fe_jobs_from_paths(&l, paths, 2, flags, 1, record_problem, &p), 0);
	cr_expect_eq(p.n, 0);
	char *got = files_of(&l);
	cr_expect_str_eq(got, "src/A.c src/a.c src/b.c src/sub/c.c", "a.c named twice is listed once");
	cr_assert_eq(l.jobs[0].argc, 3);
	cr_expect_str_eq(l.jobs[0].argv[0], "clang");
	cr_expect_str_eq(l.jobs[0].argv[1], "-DX=1");
	cr_expect_null(l.jobs[0].directory);
	free(got);
	free(src);
	free(a);
	fe_joblist_dispose(&l);
}

Test(compdb, missing_path_and_empty_folder)
{
	write_file("empty/readme.txt", "");
	write_file("ok.c", "");
	char *missing = path_in("missing.c"), *empty = path_in("empty"), *ok = path_in("ok.c");
	char *paths[] = { missing, empty, ok };
	struct fe_joblist l = { 0 };
	struct problems p = { 0 };
	cr_expect_eq(fe_jobs_from_paths(&l, paths, 3, NULL, 0, record_problem, &p), ERR_INVALID);
	cr_expect_eq(p.n, 2);
	cr_expect(strstr(p.last, "empty: no C files found in this folder") != NULL, "%s", p.last);
	cr_expect_eq(l.n, 1, "the good file is still listed");
	free(missing);
	free(empty);
	free(ok);
	fe_joblist_dispose(&l);
}

static void write_db(const char *entries)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, entries);
	/* @ stands for the test folder */
	struct strbuf out = STRBUF_INIT;
	for (const char *s = sb_str(&sb); *s; s++)
		if (*s == '@')
			sb_add(&out, dir);
		else
			sb_addc(&out, *s);
	write_file("build/compile_commands.json", sb_str(&out));
	sb_dispose(&sb);
	sb_dispose(&out);
}

Test(compdb, both_forms_and_working_directory)
{
	write_file("inc/dep.h", "int dep(void);\n");
	write_file("a.c", "#include \"dep.h\"\nint fa(void) { return dep(); }\n");
	write_file("b.c", "int fb(void) { return B; }\n");
	write_db("[\n"
	         " {\"directory\": \"@\", \"file\": \"a.c\", \"arguments\": [\"gcc\", \"-Iinc\", \"-c\", \"a.c\"]},\n"
	         " {\"directory\": \"@\", \"file\": \"@/b.c\", \"command\": \"cc -DB=2 -fconserve-stack -c @/b.c\"},\n"
	         " {\"directory\": \"@\", \"file\": \"a.c\", \"arguments\": [\"gcc\", \"-DSECOND\", \"-c\", \"a.c\"]}\n"
	         "]\n");
	char *build = path_in("build");
	struct fe_joblist l = { 0 };
	struct problems p = { 0 };
	struct err e = { 0 };
	cr_assert_eq(fe_jobs_from_compdb(&l, build, NULL, 0, record_problem, &p, &e), 0, "%s", e.msg);
	cr_assert_eq(l.n, 2, "a.c listed twice is taken once (its first entry)");
	cr_expect_str_eq(l.jobs[0].argv[0], "gcc");
	cr_expect_str_eq(l.jobs[0].argv[1], "-Iinc");
	cr_expect_str_eq(l.jobs[0].directory, dir);

	/* Parse both: the relative -Iinc resolves against the entry's
	 * folder, and the GCC-only flag is not an error. */
	struct fe_options opt;
	fe_options_init(&opt);
	struct fe_worker *w = fe_worker_new(&opt);
	for (size_t i = 0; i < l.n; i++) {
		struct ir_tu *tu = NULL;
		cr_assert_eq(fe_parse(w, &l.jobs[i], NULL, 0, &tu, &e), 0, "%s", e.msg);
		for (uint32_t d = 0; d < tu->ndiags; d++)
			cr_log_info("%s", tu->diags[d].text);
		cr_expect_eq(fe_count_errors(tu), 0, "job %zu has errors", i);
		cr_expect_eq(tu->nfuncs, 1);
		ir_tu_free(tu);
	}
	fe_worker_free(w);
	fe_options_dispose(&opt);
	free(build);
	fe_joblist_dispose(&l);
}

Test(compdb, selected_paths)
{
	write_file("a.c", "int a;\n");
	write_file("b.c", "int b;\n");
	write_file("c.c", "int c;\n");
	write_db("[{\"directory\": \"@\", \"file\": \"a.c\", \"command\": \"cc -c a.c\"},"
	         " {\"directory\": \"@\", \"file\": \"b.c\", \"command\": \"cc -c b.c\"}]");
	char *build = path_in("build"), *b = path_in("b.c"), *c = path_in("c.c");
	char *paths[] = { b, c };
	struct fe_joblist l = { 0 };
	struct problems p = { 0 };
	struct err e = { 0 };
	cr_expect_eq(fe_jobs_from_compdb(&l, build, paths, 2, record_problem, &p, &e), ERR_INVALID);
	cr_assert_eq(l.n, 1);
	cr_expect_str_eq(l.jobs[0].file, b, "a file named on the command line keeps its name");
	cr_expect_eq(p.n, 1);
	cr_expect(strstr(p.last, "c.c: no entry in") != NULL, "%s", p.last);
	free(build);
	free(b);
	free(c);
	fe_joblist_dispose(&l);
}

Test(compdb, entry_for_missing_file)
{
	write_file("a.c", "int a;\n");
	write_db("[{\"directory\": \"@\", \"file\": \"gone.c\", \"command\": \"cc -c gone.c\"},"
	         " {\"directory\": \"@\", \"file\": \"a.c\", \"command\": \"cc -c a.c\"}]");
	char *build = path_in("build");
	struct fe_joblist l = { 0 };
	struct problems p = { 0 };
	struct err e = { 0 };
	cr_expect_eq(fe_jobs_from_compdb(&l, build, NULL, 0, record_problem, &p, &e), ERR_INVALID);
	cr_expect_eq(l.n, 1);
	cr_expect_eq(p.n, 1);
	cr_expect(strstr(p.last, "gone.c: no such file (listed in") != NULL, "%s", p.last);
	free(build);
	fe_joblist_dispose(&l);
}

static void expect_db_error(const char *text, int code, const char *needle)
{
	write_file("build/compile_commands.json", text);
	char *build = path_in("build");
	struct fe_joblist l = { 0 };
	struct problems p = { 0 };
	struct err e = { 0 };
	cr_expect_eq(fe_jobs_from_compdb(&l, build, NULL, 0, record_problem, &p, &e), code);
	cr_expect(strstr(e.msg, needle) != NULL, "message '%s' lacks '%s'", e.msg, needle);
	cr_expect_eq(l.n, 0);
	free(build);
	fe_joblist_dispose(&l);
}

Test(compdb, malformed)
{
	expect_db_error("[{\"directory\": \"/\", \"file\": \"a.c\",", ERR_INVALID,
	                "compile_commands.json:1:");
	expect_db_error("{}", ERR_INVALID, "not a JSON array");
	expect_db_error("[{\"directory\": \"/\", \"command\": \"cc\"}]", ERR_INVALID,
	                "entry 1: no \"file\" string");
	expect_db_error("[{\"directory\": \"/\", \"file\": \"a.c\"}]", ERR_INVALID,
	                "entry 1: neither a \"command\" string nor an \"arguments\" list");
}

Test(compdb, missing_database)
{
	char *build = path_in("nowhere");
	struct fe_joblist l = { 0 };
	struct err e = { 0 };
	cr_expect_eq(fe_jobs_from_compdb(&l, build, NULL, 0, record_problem, NULL, &e), ERR_NOTFOUND);
	cr_expect(strstr(e.msg, "compile_commands.json: no such file") != NULL, "%s", e.msg);
	free(build);
}

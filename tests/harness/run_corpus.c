/*
 * run_corpus.c — the corpus runner (DESIGN §7, STYLE §6).
 *
 * A corpus case is a C file whose expected findings sit in comments on the
 * line of their primary location: `// expect: refcount-leak` (several ids
 * separated by commas). A file with no expect comment must be clean. The
 * runner
 *   1. compiles each case (`cc -fsyntax-only`): a case is real C;
 *   2. runs `refcheck check --format json` once over all cases and compares,
 *      per file, the findings with the expectations: a missing finding and
 *      an extra one both fail the case;
 *   3. builds each case that has a `main` against the runtime and runs it
 *      with the leak report on (RC_LEAKCHECK=1): a case expecting an
 *      over-release must abort in the debug runtime, one expecting a leak
 *      (or a cycle, or an incomplete dealloc/traverse/clear) must leave
 *      objects alive at exit, any other must exit 0
 *      with nothing alive — the runtime is the oracle for the analyzer;
 *   4. prints recall and precision over the whole corpus and a closing
 *      `N passed, N failed` line; exits 1 if any case failed.
 *
 * Usage: run_corpus --refcheck BIN [--pack NAME]… [--cc CC] [--cflags FLAGS]
 *                   [--flags FLAGS] [--include DIR] [--lib LIBRARY] [--work DIR]
 *                   [--] PATH…
 * --flags are compiler flags for every case (both the compile check and
 * refcheck); --cflags only for building the oracle programs.
 *
 * --xfail FILE names cases known to fail, one per line with the reason
 * (`name.c  why`; # starts a comment). Such a case that fails is counted as
 * XFAIL and does not fail the run; one that passes is an XPASS and does,
 * so the list cannot go stale. Recall and precision count every case.
 * (PATH: case files or folders of them.)
 */
#include "report/rules.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <jansson.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_EXPECT 64
/* Generous: the machines are shared, and a sanitizer build is slow. A hang
 * is still caught. */
#define RUN_TIMEOUT_S 60
#define ANALYZER_TIMEOUT_S 1200

struct expect {
	uint32_t line;
	int rule;
	bool matched;
};

struct corpus_case {
	char *path;
	const char *name;           /* basename */
	struct expect exp[MAX_EXPECT];
	uint32_t nexp;
	bool has_main;
	bool failed;
	const char *xfail;          /* the reason, when the case is known to fail */
	char *why;                  /* accumulated failure text */
	size_t why_len;
	uint32_t found, true_pos;
};

struct options {
	const char *refcheck;
	const char *cc;
	const char *cflags;
	const char *flags;
	const char *include;
	const char *lib;
	const char *work;
	const char *packs[8];
	int npacks;
	const char *xfail;
};

static void fail_case(struct corpus_case *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail_case(struct corpus_case *c, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	size_t n = strlen(buf);
	c->why = realloc(c->why, c->why_len + n + 8);
	if (!c->why)
		abort();
	memcpy(c->why + c->why_len, "\n    ", 5);
	memcpy(c->why + c->why_len + 5, buf, n + 1);
	c->why_len += n + 5;
	c->failed = true;
}

/* ---- reading cases ---- */

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n < 2) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
	}
	fclose(f);
	if (buf)
		buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

/* Parse "expect: a, b" in a comment of one line. */
static void parse_expect_line(struct corpus_case *c, const char *line, size_t len, uint32_t lineno)
{
	const char *end = line + len;
	const char *p = NULL;
	for (const char *q = line; q + 7 <= end; q++) {
		if (memcmp(q, "expect:", 7) == 0) {
			p = q + 7;
			break;
		}
	}
	if (!p)
		return;
	/* Only inside a comment. */
	bool in_comment = false;
	for (const char *q = line; q < p; q++)
		if (q + 1 < end && q[0] == '/' && (q[1] == '/' || q[1] == '*'))
			in_comment = true;
	if (!in_comment)
		return;
	while (p < end) {
		while (p < end && (*p == ' ' || *p == ',' || *p == '\t'))
			p++;
		const char *q = p;
		while (q < end && (*q == '-' || (*q >= 'a' && *q <= 'z')))
			q++;
		if (q == p)
			break;
		char id[64];
		size_t n = (size_t)(q - p) < sizeof(id) - 1 ? (size_t)(q - p) : sizeof(id) - 1;
		memcpy(id, p, n);
		id[n] = '\0';
		int rule = rule_lookup(id);
		if (rule == RULE__COUNT)
			fail_case(c, "line %u: unknown rule id '%s' in expect comment", lineno, id);
		else if (c->nexp < MAX_EXPECT)
			c->exp[c->nexp++] = (struct expect){ lineno, rule, false };
		p = q;
	}
}

static bool line_has_main(const char *line, size_t len)
{
	const char *end = line + len;
	for (const char *q = line; q + 5 <= end; q++) {
		if (memcmp(q, "main(", 5) == 0 && (q == line || q[-1] == ' ' || q[-1] == '\t' || q[-1] == '*'))
			return len >= 3 && (memcmp(line, "int", 3) == 0);
	}
	return false;
}

static int load_case(struct corpus_case *c)
{
	size_t len;
	char *text = read_file(c->path, &len);
	if (!text) {
		fail_case(c, "cannot read: %s", strerror(errno));
		return -1;
	}
	uint32_t lineno = 1;
	for (char *line = text; *line;) {
		char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		parse_expect_line(c, line, n, lineno);
		if (line_has_main(line, n))
			c->has_main = true;
		if (!nl)
			break;
		line = nl + 1;
		lineno++;
	}
	free(text);
	return 0;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_path(char ***paths, size_t *n, size_t *cap, const char *p)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*paths = realloc(*paths, sizeof(char *) * *cap);
		if (!*paths)
			abort();
	}
	(*paths)[(*n)++] = strdup(p);
}

static int collect(const char *path, char ***paths, size_t *n, size_t *cap)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "run_corpus: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		add_path(paths, n, cap, path);
		return 0;
	}
	DIR *d = opendir(path);
	if (!d)
		return -1;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);
		if (l > 2 && strcmp(de->d_name + l - 2, ".c") == 0) {
			char full[4096];
			snprintf(full, sizeof(full), "%s/%s", path, de->d_name);
			add_path(paths, n, cap, full);
		}
	}
	closedir(d);
	return 0;
}

/* ---- running commands ---- */

struct run_result {
	int status;         /* as from waitpid */
	bool timed_out;
	char *out, *err;
};

static char *slurp_fd(int fd)
{
	lseek(fd, 0, SEEK_SET);
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	ssize_t got;
	while (buf && (got = read(fd, buf + n, cap - n - 1)) > 0) {
		n += (size_t)got;
		if (cap - n < 2) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
	}
	if (buf)
		buf[n] = '\0';
	return buf;
}

static int temp_fd(void)
{
	char name[] = "/tmp/run_corpus-XXXXXX";
	int fd = mkstemp(name);
	if (fd >= 0)
		unlink(name);
	return fd;
}

static int run(char *const argv[], char *const env_extra[], int timeout, struct run_result *r)
{
	memset(r, 0, sizeof(*r));
	int out = temp_fd(), err = temp_fd();
	if (out < 0 || err < 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		dup2(out, 1);
		dup2(err, 2);
		int null = open("/dev/null", O_RDONLY);
		if (null >= 0)
			dup2(null, 0);
		for (int i = 0; env_extra && env_extra[i]; i++)
			putenv(env_extra[i]);
		execvp(argv[0], argv);
		fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	time_t start = time(NULL);
	for (;;) {
		pid_t w = waitpid(pid, &r->status, WNOHANG);
		if (w == pid)
			break;
		if (time(NULL) - start > timeout) {
			kill(pid, SIGKILL);
			waitpid(pid, &r->status, 0);
			r->timed_out = true;
			break;
		}
		struct timespec ts = { 0, 2 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	r->out = slurp_fd(out);
	r->err = slurp_fd(err);
	close(out);
	close(err);
	return 0;
}

static void run_dispose(struct run_result *r)
{
	free(r->out);
	free(r->err);
}

/* Split a flags string on spaces into argv entries (strndup'd: the caller
 * frees them with free_words). */
static int split_flags(const char *flags, char **argv, int max)
{
	int n = 0;
	if (!flags)
		return 0;
	const char *p = flags;
	while (*p && n < max) {
		while (*p == ' ')
			p++;
		const char *q = p;
		while (*q && *q != ' ')
			q++;
		if (q > p)
			argv[n++] = strndup(p, (size_t)(q - p));
		p = q;
	}
	return n;
}

static void free_words(char **argv, int from, int to)
{
	for (int i = from; i < to; i++)
		free(argv[i]);
}

/* ---- the three passes ---- */

static void check_compiles(const struct options *o, struct corpus_case *c)
{
	char *argv[64];
	int n = 0;
	argv[n++] = (char *)o->cc;
	argv[n++] = "-std=c11";
	argv[n++] = "-fsyntax-only";
	argv[n++] = "-Wall";
	argv[n++] = "-Wno-unused-variable";
	argv[n++] = "-Wno-unused-but-set-variable";
	argv[n++] = "-Wno-unused-function";
	if (o->include) {
		argv[n++] = "-I";
		argv[n++] = (char *)o->include;
	}
	int first = n;
	n += split_flags(o->flags, argv + n, 16);
	int last = n;
	argv[n++] = c->path;
	argv[n] = NULL;
	struct run_result r;
	if (run(argv, NULL, RUN_TIMEOUT_S, &r) < 0 || !WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0)
		fail_case(c, "does not compile:\n%s", r.err ? r.err : "");
	run_dispose(&r);
	free_words(argv, first, last);
}

/* The case a reported file belongs to, whatever the spelling of its path:
 * the reported path must end with "/" + the case's file name. */
static struct corpus_case *case_for_file(struct corpus_case *cases, size_t n, const char *file)
{
	size_t lf = strlen(file);
	for (size_t i = 0; i < n; i++) {
		size_t ln = strlen(cases[i].name);
		if (lf >= ln && strcmp(file + lf - ln, cases[i].name) == 0 &&
		    (lf == ln || file[lf - ln - 1] == '/'))
			return &cases[i];
	}
	return NULL;
}

static int run_analyzer(const struct options *o, struct corpus_case *cases, size_t n)
{
	char **argv = calloc(n + 48, sizeof(char *));
	int k = 0;
	argv[k++] = (char *)o->refcheck;
	argv[k++] = "check";
	argv[k++] = "--format";
	argv[k++] = "json";
	for (int i = 0; i < o->npacks; i++) {
		argv[k++] = "--pack";
		argv[k++] = (char *)o->packs[i];
	}
	for (size_t i = 0; i < n; i++)
		argv[k++] = cases[i].path;
	int first = k, last = k;
	if (o->flags) {
		argv[k++] = "--";
		first = k;
		k += split_flags(o->flags, argv + k, 16);
		last = k;
	}
	argv[k] = NULL;
	struct run_result r;
	int error = run(argv, NULL, ANALYZER_TIMEOUT_S, &r);
	free_words(argv, first, last);
	free(argv);
	if (error < 0 || r.timed_out || !WIFEXITED(r.status) || WEXITSTATUS(r.status) > 1) {
		fprintf(stderr, "run_corpus: refcheck failed (%s):\n%s\n",
		        r.timed_out ? "timed out" : "exit status", r.err ? r.err : "");
		/* Keep going: the JSON may still hold the other files' findings. */
	}
	if (r.err && (strstr(r.err, "Sanitizer") || strstr(r.err, "runtime error:")))
		fprintf(stderr, "run_corpus: refcheck reported a memory or undefined-behaviour error:\n%s\n",
		        r.err);
	json_error_t jerr;
	json_t *doc = r.out ? json_loads(r.out, 0, &jerr) : NULL;
	if (!doc) {
		fprintf(stderr, "run_corpus: refcheck printed no valid JSON (%s)\n%s\n",
		        r.out ? jerr.text : "no output", r.err ? r.err : "");
		run_dispose(&r);
		return -1;
	}
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(doc, "findings"), i, f) {
		if (json_is_true(json_object_get(f, "suppressed")))
			continue;
		const char *file = json_string_value(json_object_get(f, "file"));
		const char *rule = json_string_value(json_object_get(f, "rule"));
		uint32_t line = (uint32_t)json_integer_value(json_object_get(f, "line"));
		struct corpus_case *c = file ? case_for_file(cases, n, file) : NULL;
		if (!c || !rule)
			continue;
		c->found++;
		int id = rule_lookup(rule);
		bool ok = false;
		for (uint32_t e = 0; e < c->nexp && !ok; e++) {
			if (!c->exp[e].matched && c->exp[e].line == line && c->exp[e].rule == id) {
				c->exp[e].matched = true;
				ok = true;
			}
		}
		if (ok)
			c->true_pos++;
		else
			fail_case(c, "line %u: unexpected %s: %s", line, rule,
			          json_string_value(json_object_get(f, "message")));
	}
	for (size_t ci = 0; ci < n; ci++)
		for (uint32_t e = 0; e < cases[ci].nexp; e++)
			if (!cases[ci].exp[e].matched)
				fail_case(&cases[ci], "line %u: missing %s", cases[ci].exp[e].line,
				          rule_name(cases[ci].exp[e].rule));
	json_decref(doc);
	run_dispose(&r);
	return 0;
}

enum outcome { OUT_CLEAN, OUT_LEAK, OUT_ABORT };

static const char *outcome_name(enum outcome o)
{
	return o == OUT_CLEAN ? "a clean exit" : o == OUT_LEAK ? "objects alive at exit" : "an abort";
}

static enum outcome expected_outcome(const struct corpus_case *c)
{
	bool leak = false;
	for (uint32_t e = 0; e < c->nexp; e++) {
		if (c->exp[e].rule == RULE_REFCOUNT_OVER_RELEASE)
			return OUT_ABORT;
		/* The type-level rules leak too when main exercises them: a field
		 * dealloc forgets, a cycle through a field traverse does not visit
		 * or clear does not drop stays alive (issue 6). */
		if (c->exp[e].rule == RULE_REFCOUNT_LEAK || c->exp[e].rule == RULE_CYCLE_CREATED ||
		    c->exp[e].rule == RULE_CYCLE_UNTRACKED_TYPE ||
		    c->exp[e].rule == RULE_REFCOUNT_DEALLOC_INCOMPLETE ||
		    c->exp[e].rule == RULE_CYCLE_TRAVERSE_INCOMPLETE ||
		    c->exp[e].rule == RULE_CYCLE_CLEAR_INCOMPLETE)
			leak = true;
	}
	return leak ? OUT_LEAK : OUT_CLEAN;
}

/* Build and run a case with a main; returns true if it ran. */
static bool run_oracle(const struct options *o, struct corpus_case *c)
{
	char exe[4096];
	snprintf(exe, sizeof(exe), "%s/%.*s", o->work, (int)(strlen(c->name) - 2), c->name);
	char *argv[64];
	int n = 0;
	argv[n++] = (char *)o->cc;
	argv[n++] = "-std=c11";
	argv[n++] = "-g";
	argv[n++] = "-DRC_DEBUG";
	argv[n++] = "-w";
	int first = n;
	n += split_flags(o->cflags, argv + n, 16);
	n += split_flags(o->flags, argv + n, 16);
	int last = n;
	argv[n++] = "-I";
	argv[n++] = (char *)o->include;
	argv[n++] = c->path;
	argv[n++] = (char *)o->lib;
	argv[n++] = "-lpthread";
	argv[n++] = "-lm";
	argv[n++] = "-o";
	argv[n++] = exe;
	argv[n] = NULL;
	struct run_result r;
	int built = run(argv, NULL, RUN_TIMEOUT_S, &r) == 0 && WIFEXITED(r.status) &&
	            WEXITSTATUS(r.status) == 0;
	free_words(argv, first, last);
	if (!built) {
		fail_case(c, "oracle: does not build against the runtime:\n%s", r.err ? r.err : "");
		run_dispose(&r);
		return false;
	}
	run_dispose(&r);
	char *rargv[] = { exe, NULL };
	static char leakcheck[] = "RC_LEAKCHECK=1";
	static char asan[] = "ASAN_OPTIONS=detect_leaks=0:abort_on_error=0";
	char *env[] = { leakcheck, asan, NULL };
	if (run(rargv, env, RUN_TIMEOUT_S, &r) < 0) {
		fail_case(c, "oracle: cannot run %s", exe);
		return false;
	}
	enum outcome got;
	bool report = r.err && strstr(r.err, "rc leak report:") != NULL;
	if (r.timed_out) {
		fail_case(c, "oracle: timed out");
		run_dispose(&r);
		return true;
	}
	if (WIFSIGNALED(r.status))
		got = OUT_ABORT;
	else if (report)
		got = OUT_LEAK;
	else if (WEXITSTATUS(r.status) == 0)
		got = OUT_CLEAN;
	else
		got = OUT_ABORT;
	enum outcome want = expected_outcome(c);
	if (got != want)
		fail_case(c, "oracle: the runtime shows %s, the expectations say %s; stderr:\n%s",
		          outcome_name(got), outcome_name(want), r.err ? r.err : "");
	run_dispose(&r);
	unlink(exe);
	return true;
}

/* Mark the cases listed in the xfail file. */
static int load_xfail(const char *path, struct corpus_case *cases, size_t n)
{
	char *text = read_file(path, NULL);
	if (!text) {
		fprintf(stderr, "run_corpus: %s: %s\n", path, strerror(errno));
		return -1;
	}
	int error = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		while (*line == ' ')
			line++;
		if (!*line || *line == '#')
			continue;
		char *sp = line + strcspn(line, " \t");
		char *reason = *sp ? sp + 1 : sp;
		*sp = '\0';
		while (*reason == ' ' || *reason == '\t')
			reason++;
		bool found = false;
		for (size_t i = 0; i < n; i++) {
			if (strcmp(cases[i].name, line) == 0) {
				cases[i].xfail = strdup(*reason ? reason : "known to fail");
				found = true;
			}
		}
		if (!found) {
			fprintf(stderr, "run_corpus: %s: no case named %s\n", path, line);
			error = -1;
		}
	}
	free(text);
	return error;
}

static void usage(void)
{
	fprintf(stderr, "usage: run_corpus --refcheck BIN [--pack NAME]... [--cc CC] [--cflags FLAGS]\n"
	                "                  [--flags FLAGS] [--include DIR] [--lib LIBRARY] [--work DIR]\n"
	                "                  [--xfail FILE] PATH...\n");
}

int main(int argc, char **argv)
{
	struct options o = { .cc = "cc", .work = "/tmp" };
	static const struct option longopts[] = {
		{ "refcheck", required_argument, NULL, 'r' }, { "pack", required_argument, NULL, 'p' },
		{ "cc", required_argument, NULL, 'c' }, { "cflags", required_argument, NULL, 'f' },
		{ "flags", required_argument, NULL, 'F' },
		{ "xfail", required_argument, NULL, 'x' },
		{ "include", required_argument, NULL, 'I' }, { "lib", required_argument, NULL, 'l' },
		{ "work", required_argument, NULL, 'w' }, { NULL, 0, NULL, 0 },
	};
	int ch;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r': o.refcheck = optarg; break;
		case 'p': if (o.npacks < 8) o.packs[o.npacks++] = optarg; break;
		case 'c': o.cc = optarg; break;
		case 'f': o.cflags = optarg; break;
		case 'F': o.flags = optarg; break;
		case 'x': o.xfail = optarg; break;
		case 'I': o.include = optarg; break;
		case 'l': o.lib = optarg; break;
		case 'w': o.work = optarg; break;
		default: usage(); return 2;
		}
	}
	if (!o.refcheck || optind >= argc) {
		usage();
		return 2;
	}
	char **paths = NULL;
	size_t npaths = 0, cap = 0;
	for (int i = optind; i < argc; i++)
		if (collect(argv[i], &paths, &npaths, &cap) < 0)
			return 2;
	if (npaths == 0) {
		fprintf(stderr, "run_corpus: no cases found\n");
		return 2;
	}
	qsort(paths, npaths, sizeof(char *), compare_strings);
	mkdir(o.work, 0777);
	struct corpus_case *cases = calloc(npaths, sizeof(*cases));
	for (size_t i = 0; i < npaths; i++) {
		cases[i].path = paths[i];
		const char *slash = strrchr(paths[i], '/');
		cases[i].name = slash ? slash + 1 : paths[i];
		load_case(&cases[i]);
		check_compiles(&o, &cases[i]);
	}
	if (o.xfail && load_xfail(o.xfail, cases, npaths) < 0)
		return 2;
	int analyzed = run_analyzer(&o, cases, npaths);
	uint32_t expected = 0, found = 0, tp = 0, clean = 0, oracle_runs = 0, passed = 0, failed = 0;
	uint32_t xfailed = 0;
	for (size_t i = 0; i < npaths; i++) {
		struct corpus_case *c = &cases[i];
		if (c->has_main && o.lib && o.include && run_oracle(&o, c))
			oracle_runs++;
		expected += c->nexp;
		found += c->found;
		tp += c->true_pos;
		clean += c->nexp == 0;
		if (c->failed && c->xfail) {
			printf("XFAIL %s (%s)%s\n", c->path, c->xfail, c->why ? c->why : "");
			xfailed++;
		} else if (c->failed) {
			printf("FAIL %s%s\n", c->path, c->why ? c->why : "");
			failed++;
		} else if (c->xfail) {
			printf("XPASS %s: listed as failing (%s) but passes; take it off the list\n",
			       c->path, c->xfail);
			failed++;
		} else {
			printf("PASS %s\n", c->path);
			passed++;
		}
	}
	printf("corpus: %zu cases (%u clean, %u with a runtime oracle), %u findings expected, "
	       "%u reported, %u matched; recall %.1f%%, precision %.1f%%\n",
	       npaths, clean, oracle_runs, expected, found, tp,
	       expected ? 100.0 * tp / expected : 100.0, found ? 100.0 * tp / found : 100.0);
	if (analyzed < 0) {
		printf("the analyzer's output could not be read: every case counts as failed\n");
		failed = (uint32_t)npaths;
		passed = 0;
	}
	if (xfailed)
		printf("%u known failures (XFAIL)\n", xfailed);
	printf("%u passed, %u failed\n", passed, failed);
	for (size_t i = 0; i < npaths; i++) {
		free(cases[i].why);
		free((char *)cases[i].xfail);
		free(paths[i]);
	}
	free(cases);
	free(paths);
	return failed ? 1 : 0;
}

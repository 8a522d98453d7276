/*
 * fe.h — the libclang front end: which translation units to parse (a
 * compile database or paths plus flags), and parse + lower one of them to
 * an ir_tu (ir.h). Nothing of libclang appears in this header or in what it
 * returns: the IR is the seam (DESIGN §1).
 *
 * Threads: an fe_worker owns one CXIndex and must be used by one thread at
 * a time; use one worker per thread. fe_options and job lists are read-only
 * once workers run. Lowering recurses once per nesting level of the source,
 * bounded by fe_options.max_depth; run workers on threads with large stacks
 * (the driver uses 64 MB) so that the bound, not the stack, is the limit.
 */
#ifndef REFCHECK_FE_H
#define REFCHECK_FE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;
struct ir_tu;

/* Defaults of the lowering limits (fe_options_init). */
#define FE_DEFAULT_MAX_STMTS 100000u
#define FE_DEFAULT_MAX_BLOCKS 50000u
#define FE_DEFAULT_MAX_DEPTH 1000u

struct fe_options {
	/* Names of the root object structs: a struct is an object struct when
	 * its tag or typedef name is listed here, or when its first member is
	 * (recursively) an object struct. Owned (fe_options_add_root). */
	char **object_roots;
	size_t nobject_roots, cap_object_roots;
	/* A function with more IR statements or blocks than this is not
	 * lowered (ir_func.skipped = "too large: …"); 0 means no limit. */
	uint32_t max_stmts;
	uint32_t max_blocks;
	/* Deeper nesting of statements and expressions than this is not
	 * lowered (ir_func.skipped = "nested too deeply: …"). Must be > 0. */
	uint32_t max_depth;
	/* A folder always on the include path, after every other (-idirafter):
	 * the runtime's headers. NULL for none. Not owned. */
	const char *runtime_include;
	/* Test hook: pretend lowering failed with an internal error (exit 3). */
	bool debug_internal_error;
	/* Benchmark hook: parse and collect diagnostics, lower nothing. */
	bool debug_parse_only;
};

/* Defaults: roots rc_object and _object (PyObject), the limits above, the
 * runtime include folder this binary was built with. */
void fe_options_init(struct fe_options *o);
void fe_options_add_root(struct fe_options *o, const char *name);
void fe_options_dispose(struct fe_options *o);

/* One translation unit to parse: a full compiler command line. */
struct fe_job {
	char *file;         /* the main file, as shown to the user */
	char **argv;        /* argv[0] is the compiler; the file is among them */
	int argc;
	char *directory;    /* the command's working directory, or NULL (cwd) */
};

struct fe_joblist {
	struct fe_job *jobs;
	size_t n, cap;
};

void fe_joblist_dispose(struct fe_joblist *l);

/* Called once per input problem found while listing jobs (a missing file,
 * an empty folder, a bad database entry); the listing goes on after it. */
typedef void (*fe_problem_fn)(const char *msg, void *arg);

/*
 * Jobs from paths: files are taken as they are, folders are searched
 * recursively for *.c files (hidden folders and symlinked folders are
 * skipped; each folder's entries sorted by name, so the order is
 * deterministic). Each job compiles its file with `flags` (the words after
 * `--` on the command line). A missing path or a folder without C files is
 * reported through problem and skipped. Duplicates (same real path) are
 * listed once. Returns 0, or ERR_INVALID when at least one problem was
 * reported (the jobs found are still listed).
 */
int fe_jobs_from_paths(struct fe_joblist *out, char *const *paths, size_t npaths,
                       char *const *flags, size_t nflags, fe_problem_fn problem, void *arg);

/*
 * Jobs from BUILD_DIR/compile_commands.json. Without paths, every entry
 * (the first entry of a file listed several times); with paths (files or
 * folders, as above), only the entries of those files, and a file without
 * an entry is a problem. An entry whose file does not exist is a problem.
 * A missing or malformed database is an error: returns ERR_NOTFOUND or
 * ERR_INVALID with the message in e (and lists nothing). Returns
 * ERR_INVALID after problems, else 0.
 */
int fe_jobs_from_compdb(struct fe_joblist *out, const char *build_dir, char *const *paths,
                        size_t npaths, fe_problem_fn problem, void *arg, struct err *e);

/* An in-memory file for fe_parse (CXUnsavedFile without libclang). */
struct fe_source {
	const char *path;
	const char *text;
	size_t len;
};

struct fe_worker;

struct fe_worker *fe_worker_new(const struct fe_options *opt);
void fe_worker_free(struct fe_worker *w);

/*
 * Parse job (with KeepGoing: a file with errors is still lowered as far as
 * the AST goes) and lower every function defined in its main file. On
 * success *out is the TU (free with ir_tu_free), with the compiler's
 * errors in its diags. Returns ERR_INVALID when the file cannot be parsed
 * at all (message in e, naming the file), ERR_INTERNAL for a refcheck bug.
 * sources (may be NULL) override files by path, for tests and editors.
 */
int fe_parse(struct fe_worker *w, const struct fe_job *job, const struct fe_source *sources,
             size_t nsources, struct ir_tu **out, struct err *e);

/* Convenience for tests: parse the in-memory file `path` with `text` and
 * compiler flags (argv[0] and the file are added). */
int fe_parse_string(struct fe_worker *w, const char *path, const char *text,
                    char *const *flags, size_t nflags, struct ir_tu **out, struct err *e);

/* Number of diagnostics of severity error or fatal in tu. */
uint32_t fe_count_errors(const struct ir_tu *tu);

#endif

/*
 * parse.c — one translation unit from command line to ir_tu: build the
 * argument vector, parse with libclang (one CXIndex per worker), turn the
 * compiler's diagnostics into ir_diags, run the declaration pass and lower
 * every main-file function, then drop the CXTranslationUnit. After
 * fe_parse returns, nothing of libclang survives.
 *
 * Arguments added to every command, right after argv[0] (never at the end,
 * where they could fall after a `--`):
 *   -working-directory=DIR   for compile database entries (not chdir, which
 *                            would be process-wide);
 *   -w                       refcheck reports references, not the compiler's
 *                            warnings (errors stay errors);
 *   -idirafter RUNTIME       the runtime's headers, searched after every
 *                            folder of the command, so a project's own copy
 *                            of them wins.
 * GCC-only options in a compile database make clang report "unknown
 * argument" errors although it builds the AST anyway; those become
 * warnings (and are not counted as parse errors).
 */
#include "fe_internal.h"

#include "../util/err.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fe_worker {
	CXIndex index;
	const struct fe_options *opt;
};

void fe_options_init(struct fe_options *o)
{
	memset(o, 0, sizeof(*o));
	fe_options_add_root(o, "rc_object");
	fe_options_add_root(o, "_object");
	o->max_stmts = FE_DEFAULT_MAX_STMTS;
	o->max_blocks = FE_DEFAULT_MAX_BLOCKS;
	o->max_depth = FE_DEFAULT_MAX_DEPTH;
#ifdef REFCHECK_RUNTIME_INCLUDE
	o->runtime_include = REFCHECK_RUNTIME_INCLUDE;
#endif
}

void fe_options_add_root(struct fe_options *o, const char *name)
{
	for (size_t i = 0; i < o->nobject_roots; i++)
		if (strcmp(o->object_roots[i], name) == 0)
			return;
	VEC_PUSH(o->object_roots, o->nobject_roots, o->cap_object_roots, xstrdup(name));
}

void fe_options_dispose(struct fe_options *o)
{
	for (size_t i = 0; i < o->nobject_roots; i++)
		free(o->object_roots[i]);
	free(o->object_roots);
	o->object_roots = NULL;
	o->nobject_roots = o->cap_object_roots = 0;
}

void fe_joblist_dispose(struct fe_joblist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct fe_job *j = &l->jobs[i];
		for (int a = 0; a < j->argc; a++)
			free(j->argv[a]);
		free(j->argv);
		free(j->file);
		free(j->directory);
	}
	free(l->jobs);
	l->jobs = NULL;
	l->n = l->cap = 0;
}

struct fe_worker *fe_worker_new(const struct fe_options *opt)
{
	struct fe_worker *w = xcalloc(1, sizeof(*w));
	w->opt = opt;
	w->index = clang_createIndex(0, 0);
	return w;
}

void fe_worker_free(struct fe_worker *w)
{
	if (!w)
		return;
	clang_disposeIndex(w->index);
	free(w);
}

uint32_t fe_count_errors(const struct ir_tu *tu)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < tu->ndiags; i++)
		if (tu->diags[i].severity >= IR_DIAG_ERROR)
			n++;
	return n;
}

static const char *severity_name(enum ir_diag_severity s)
{
	switch (s) {
	case IR_DIAG_NOTE: return "note";
	case IR_DIAG_WARNING: return "warning";
	case IR_DIAG_ERROR: return "error";
	case IR_DIAG_FATAL: return "fatal error";
	}
	return "error";
}

static void collect_diags(struct fe_tu *t)
{
	unsigned n = clang_getNumDiagnostics(t->ctu);
	struct strbuf sb = STRBUF_INIT;
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(t->ctu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		if (sev < CXDiagnostic_Warning) {
			clang_disposeDiagnostic(d);
			continue;
		}
		struct ir_diag diag = { 0 };
		diag.severity = sev == CXDiagnostic_Fatal ? IR_DIAG_FATAL
		              : sev == CXDiagnostic_Error ? IR_DIAG_ERROR : IR_DIAG_WARNING;
		CXFile f;
		unsigned line, col;
		clang_getFileLocation(clang_getDiagnosticLocation(d), &f, &line, &col, NULL);
		CXString msg = clang_getDiagnosticSpelling(d);
		CXString opt = clang_getDiagnosticOption(d, NULL);
		const char *m = clang_getCString(msg), *o = clang_getCString(opt);
		if (!f && m && strncmp(m, "unknown argument", 16) == 0)
			diag.severity = IR_DIAG_WARNING;
		sb_reset(&sb);
		if (f) {
			diag.loc.file = fe_file_index(t, f, NULL);
			diag.loc.line = diag.loc.end_line = line;
			diag.loc.col = diag.loc.end_col = col;
			sb_printf(&sb, "%s:%u:%u: ", ir_file_name(t->tu, diag.loc.file), line, col);
		} else {
			sb_printf(&sb, "%s: ", t->tu->path);
		}
		sb_printf(&sb, "%s: %s", severity_name(diag.severity), m ? m : "");
		if (o && *o)
			sb_printf(&sb, " [%s]", o);
		diag.text = ir_strdup(t->tu, sb_str(&sb));
		VEC_PUSH(t->tu->diags, t->tu->ndiags, t->tu->cap_diags, diag);
		clang_disposeString(msg);
		clang_disposeString(opt);
		clang_disposeDiagnostic(d);
	}
	sb_dispose(&sb);
}

static void lower_tu(struct fe_tu *t)
{
	struct kids defs;
	kids_init(&defs);
	fe_collect_decls(t, &defs);
	for (unsigned i = 0; i < defs.n; i++)
		fe_lower_function(t, defs.v[i]);
	kids_dispose(&defs);
}

static void fe_tu_dispose(struct fe_tu *t)
{
	u64map_dispose(&t->types);
	free(t->tinfo);
	u64map_dispose(&t->files);
	strmap_dispose(&t->objects);
	strmap_dispose(&t->decls);
	strmap_dispose(&t->globals);
	u64map_dispose(&t->records);
	u64map_dispose(&t->noreturn_decls);
	u64map_dispose(&t->names);
	u64map_dispose(&t->texts);
	free(t->text);
}

static void visit_inclusion(CXFile file, CXSourceLocation *stack, unsigned depth,
                            CXClientData data)
{
	struct fe_tu *t = data;
	(void)stack;
	if (depth == 0)
		return;         /* the main file itself */
	CXString name = clang_File_tryGetRealPathName(file);
	const char *path = clang_getCString(name);
	if (!path || !*path) {
		clang_disposeString(name);
		name = clang_getFileName(file);
		path = clang_getCString(name);
	}
	if (path && *path) {
		const char *copy = ir_strdup(t->tu, path);
		VEC_PUSH(t->tu->includes, t->tu->nincludes, t->tu->cap_includes, copy);
	}
	clang_disposeString(name);
}

/* The headers the TU read, for incremental re-runs (ir_tu.includes).
 * libclang visits each file once per inclusion; keep the first. */
static void collect_includes(struct fe_tu *t)
{
	clang_getInclusions(t->ctu, visit_inclusion, t);
	uint32_t n = 0;
	for (uint32_t i = 0; i < t->tu->nincludes; i++) {
		bool seen = false;
		for (uint32_t j = 0; j < n && !seen; j++)
			seen = strcmp(t->tu->includes[j], t->tu->includes[i]) == 0;
		if (!seen)
			t->tu->includes[n++] = t->tu->includes[i];
	}
	t->tu->nincludes = n;
}

static const char *parse_error_name(enum CXErrorCode code)
{
	switch (code) {
	case CXError_Crashed: return "libclang crashed";
	case CXError_InvalidArguments: return "invalid arguments";
	case CXError_ASTReadError: return "AST read error";
	default: return "libclang could not parse it";
	}
}

int fe_parse(struct fe_worker *w, const struct fe_job *job, const struct fe_source *sources,
             size_t nsources, struct ir_tu **out, struct err *e)
{
	*out = NULL;
	if (w->opt->debug_internal_error)
		return err_set(e, ERR_INTERNAL, "%s: forced internal error (REFCHECK_DEBUG_INTERNAL_ERROR)",
		               job->file);
	/* argv[0], our options, then the command's own arguments. */
	size_t cap = (size_t)job->argc + 8, n = 0;
	const char **argv = xmalloc(sizeof(*argv) * cap);
	char *wd = NULL;
	argv[n++] = job->argc > 0 ? job->argv[0] : "clang";
	if (job->directory) {
		size_t len = strlen(job->directory) + sizeof("-working-directory=");
		wd = xmalloc(len);
		snprintf(wd, len, "-working-directory=%s", job->directory);
		argv[n++] = wd;
	}
	argv[n++] = "-w";
	if (w->opt->runtime_include) {
		argv[n++] = "-idirafter";
		argv[n++] = w->opt->runtime_include;
	}
	for (int i = 1; i < job->argc; i++)
		argv[n++] = job->argv[i];

	struct CXUnsavedFile *unsaved = NULL;
	if (nsources) {
		unsaved = xcalloc(nsources, sizeof(*unsaved));
		for (size_t i = 0; i < nsources; i++) {
			unsaved[i].Filename = sources[i].path;
			unsaved[i].Contents = sources[i].text;
			unsaved[i].Length = (unsigned long)sources[i].len;
		}
	}
	CXTranslationUnit ctu = NULL;
	enum CXErrorCode code = clang_parseTranslationUnit2FullArgv(
		w->index, NULL, argv, (int)n, unsaved, (unsigned)nsources,
		CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles, &ctu);
	free(unsaved);
	free(argv);
	free(wd);
	if (code != CXError_Success || !ctu)
		return err_set(e, ERR_INVALID, "%s: cannot be parsed: %s", job->file,
		               parse_error_name(code));

	struct fe_tu t = { 0 };
	t.opt = w->opt;
	t.ctu = ctu;
	t.tu = ir_tu_new(job->file);
	CXString main_name = clang_getTranslationUnitSpelling(ctu);
	t.main_file = clang_getFile(ctu, clang_getCString(main_name));
	clang_disposeString(main_name);
	collect_diags(&t);
	collect_includes(&t);
	if (!w->opt->debug_parse_only)
		lower_tu(&t);
	fe_tu_dispose(&t);
	clang_disposeTranslationUnit(ctu);
	*out = t.tu;
	return 0;
}

int fe_parse_string(struct fe_worker *w, const char *path, const char *text,
                    char *const *flags, size_t nflags, struct ir_tu **out, struct err *e)
{
	struct fe_job job = { 0 };
	job.file = (char *)path;
	job.argc = (int)nflags + 2;
	job.argv = xmalloc(sizeof(char *) * (size_t)job.argc);
	job.argv[0] = (char *)"clang";
	for (size_t i = 0; i < nflags; i++)
		job.argv[i + 1] = flags[i];
	job.argv[nflags + 1] = (char *)path;
	struct fe_source src = { path, text, strlen(text) };
	int rc = fe_parse(w, &job, &src, 1, out, e);
	free(job.argv);
	return rc;
}

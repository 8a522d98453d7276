/*
 * compdb.c — jobs from BUILD_DIR/compile_commands.json.
 *
 * The file is first read with jansson, only to check its shape: libclang
 * reports a malformed database on stderr by itself ("LIBCLANG TOOLING
 * ERROR") and gives us no position, while jansson names line and column.
 * The commands themselves (with the shell-style splitting of "command")
 * come from libclang's reader (notes §1.2).
 *
 * Files are looked up in an index we build from all entries, by real
 * path, never through clang_CompilationDatabase_getCompileCommands: that
 * call interpolates a command for files the database does not list, and a
 * file refcheck was asked about that has no entry is the user's mistake
 * to hear about.
 */
#include "fe_internal.h"

#include <clang-c/CXCompilationDatabase.h>
#include <jansson.h>

#include "../util/err.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_string(json_t *o, const char *key)
{
	return json_is_string(json_object_get(o, key));
}

static bool has_arguments(json_t *o)
{
	json_t *a = json_object_get(o, "arguments");
	if (!json_is_array(a) || json_array_size(a) == 0)
		return false;
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v)
		if (!json_is_string(v))
			return false;
	return true;
}

/* Shape check: an array of objects with "directory", "file" and either
 * "command" or "arguments". */
static int validate(const char *path, struct err *e)
{
	json_error_t jerr;
	json_t *root = json_load_file(path, 0, &jerr);
	if (!root)
		return err_set(e, ERR_INVALID, "%s:%d:%d: malformed compile database: %s", path,
		               jerr.line, jerr.column, jerr.text);
	int rc = 0;
	if (!json_is_array(root)) {
		rc = err_set(e, ERR_INVALID, "%s: malformed compile database: not a JSON array", path);
		goto done;
	}
	size_t i;
	json_t *ent;
	json_array_foreach(root, i, ent) {
		const char *problem = NULL;
		if (!json_is_object(ent))
			problem = "not an object";
		else if (!is_string(ent, "directory"))
			problem = "no \"directory\" string";
		else if (!is_string(ent, "file"))
			problem = "no \"file\" string";
		else if (!is_string(ent, "command") && !has_arguments(ent))
			problem = "neither a \"command\" string nor an \"arguments\" list of strings";
		if (problem) {
			rc = err_set(e, ERR_INVALID, "%s: malformed compile database: entry %zu: %s",
			             path, i + 1, problem);
			goto done;
		}
	}
done:
	json_decref(root);
	return rc;
}

static char *take(CXString s)
{
	const char *p = clang_getCString(s);
	char *copy = xstrdup(p ? p : "");
	clang_disposeString(s);
	return copy;
}

/* dir/file unless file is absolute. */
static char *absolute(const char *dir, const char *file)
{
	if (file[0] == '/')
		return xstrdup(file);
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "%s/%s", dir, file);
	return sb_detach(&sb);
}

/* The real path of p, or a copy of p when it does not exist. */
static char *real_or_copy(const char *p)
{
	char *r = realpath(p, NULL);
	return r ? r : xstrdup(p);
}

/* How a database file is shown: relative to the current folder when it is
 * below it (as a compiler run from here would print it), else absolute. */
static char *display_path(const char *abs)
{
	char cwd[PATH_MAX];
	if (getcwd(cwd, sizeof(cwd))) {
		size_t n = strlen(cwd);
		if (n > 1 && strncmp(abs, cwd, n) == 0 && abs[n] == '/')
			return xstrdup(abs + n + 1);
	}
	return xstrdup(abs);
}

struct entry {
	char *abs, *real;
	CXCompileCommand cmd;
};

static void add_job(struct fe_joblist *out, const char *shown, CXCompileCommand cmd)
{
	unsigned nargs = clang_CompileCommand_getNumArgs(cmd);
	char **argv = xmalloc(sizeof(char *) * (nargs ? nargs : 1));
	for (unsigned a = 0; a < nargs; a++)
		argv[a] = take(clang_CompileCommand_getArg(cmd, a));
	char *dir = take(clang_CompileCommand_getDirectory(cmd));
	fe_job_add(out, shown, argv, nargs, dir);
	for (unsigned a = 0; a < nargs; a++)
		free(argv[a]);
	free(argv);
	free(dir);
}

int fe_jobs_from_compdb(struct fe_joblist *out, const char *build_dir, char *const *paths,
                        size_t npaths, fe_problem_fn problem, void *arg, struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "%s/compile_commands.json", build_dir);
	char *db_path = sb_detach(&sb);
	int rc = 0;
	struct stat st;
	CXCompilationDatabase db = NULL;
	CXCompileCommands cmds = NULL;
	struct entry *ents = NULL;
	unsigned nents = 0;
	struct strmap index = STRMAP_INIT;
	char **files = NULL;
	size_t nfiles = 0;
	char msg[PATH_MAX * 2 + 64];

	if (stat(db_path, &st) != 0) {
		rc = err_set(e, ERR_NOTFOUND, "%s: no such file (is %s the build folder?)", db_path,
		             build_dir);
		goto done;
	}
	if ((rc = validate(db_path, e)) < 0)
		goto done;
	CXCompilationDatabase_Error dberr;
	db = clang_CompilationDatabase_fromDirectory(build_dir, &dberr);
	if (dberr != CXCompilationDatabase_NoError || !db) {
		rc = err_set(e, ERR_INVALID, "%s: libclang cannot load this compile database", db_path);
		goto done;
	}
	cmds = clang_CompilationDatabase_getAllCompileCommands(db);
	nents = cmds ? clang_CompileCommands_getSize(cmds) : 0;
	ents = xcalloc(nents ? nents : 1, sizeof(*ents));
	for (unsigned i = 0; i < nents; i++) {
		CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, i);
		char *file = take(clang_CompileCommand_getFilename(cmd));
		char *dir = take(clang_CompileCommand_getDirectory(cmd));
		ents[i].cmd = cmd;
		ents[i].abs = absolute(dir, file);
		ents[i].real = real_or_copy(ents[i].abs);
		if (!namemap_get(&index, ents[i].real, NULL))
			namemap_put(&index, ents[i].real, i);
		free(file);
		free(dir);
	}

	if (npaths == 0) {
		for (unsigned i = 0; i < nents; i++) {
			uint64_t first = 0;
			namemap_get(&index, ents[i].real, &first);
			if (first != i)
				continue; /* the first entry of a file listed twice */
			if (stat(ents[i].abs, &st) != 0) {
				snprintf(msg, sizeof(msg), "%s: no such file (listed in %s)", ents[i].abs,
				         db_path);
				problem(msg, arg);
				rc = ERR_INVALID;
				continue;
			}
			char *shown = display_path(ents[i].abs);
			add_job(out, shown, ents[i].cmd);
			free(shown);
		}
		goto done;
	}
	if (fe_expand_paths(paths, npaths, problem, arg, &files, &nfiles) < 0)
		rc = ERR_INVALID;
	for (size_t i = 0; i < nfiles; i++) {
		char *real = real_or_copy(files[i]);
		uint64_t at;
		if (namemap_get(&index, real, &at)) {
			add_job(out, files[i], ents[at].cmd);
		} else {
			snprintf(msg, sizeof(msg), "%s: no entry in %s", files[i], db_path);
			problem(msg, arg);
			rc = ERR_INVALID;
		}
		free(real);
	}
done:
	for (size_t i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	strmap_dispose(&index);
	for (unsigned i = 0; i < nents; i++) {
		free(ents[i].abs);
		free(ents[i].real);
	}
	free(ents);
	if (cmds)
		clang_CompileCommands_dispose(cmds);
	if (db)
		clang_CompilationDatabase_dispose(db);
	free(db_path);
	return rc;
}

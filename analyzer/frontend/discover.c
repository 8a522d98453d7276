/*
 * discover.c — from the PATHs of the command line to the list of files to
 * analyse, and jobs for them when there is no compile database.
 *
 * Determinism: a folder's entries are sorted by name (strcmp, i.e. bytes)
 * before being visited, depth first, so the same tree always gives the
 * same order, and the output follows it. Hidden entries (names starting
 * with '.') and symbolic links to folders are skipped: the first keeps
 * .git and build caches out, the second rules out cycles.
 */
#include "fe_internal.h"

#include "../util/err.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct strvec {
	char **v;
	size_t n, cap;
};

/* Tell of a problem with path: "path: detail". */
static void report(fe_problem_fn problem, void *arg, const char *path, const char *detail)
{
	char buf[PATH_MAX + 256];
	snprintf(buf, sizeof(buf), "%s: %s", path, detail);
	if (problem)
		problem(buf, arg);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_c_file(const char *name)
{
	size_t n = strlen(name);
	return n > 2 && strcmp(name + n - 2, ".c") == 0;
}

static char *join(const char *dir, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, dir);
	if (sb.len && sb.buf[sb.len - 1] != '/')
		sb_addc(&sb, '/');
	sb_add(&sb, name);
	return sb_detach(&sb);
}

/* Append the *.c files below dir to out, in sorted depth-first order. */
static void walk(const char *dir, struct strvec *out, unsigned depth)
{
	if (depth > 64)
		return;
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct strvec names = { 0 };
	struct dirent *ent;
	while ((ent = readdir(d)) != NULL) {
		if (ent->d_name[0] == '.')
			continue;
		VEC_PUSH(names.v, names.n, names.cap, xstrdup(ent->d_name));
	}
	closedir(d);
	if (names.n)
		qsort(names.v, names.n, sizeof(*names.v), cmp_str);
	for (size_t i = 0; i < names.n; i++) {
		char *path = join(dir, names.v[i]);
		struct stat lst, st;
		bool keep = false;
		if (lstat(path, &lst) == 0) {
			if (S_ISDIR(lst.st_mode))
				walk(path, out, depth + 1);
			else if (S_ISLNK(lst.st_mode))
				keep = stat(path, &st) == 0 && S_ISREG(st.st_mode) && is_c_file(names.v[i]);
			else
				keep = S_ISREG(lst.st_mode) && is_c_file(names.v[i]);
		}
		if (keep)
			VEC_PUSH(out->v, out->n, out->cap, path);
		else
			free(path);
		free(names.v[i]);
	}
	free(names.v);
}

int fe_expand_paths(char *const *paths, size_t npaths, fe_problem_fn problem, void *arg,
                    char ***files, size_t *nfiles)
{
	struct strvec out = { 0 };
	int rc = 0;
	for (size_t i = 0; i < npaths; i++) {
		const char *p = paths[i];
		struct stat st;
		if (stat(p, &st) != 0) {
			report(problem, arg, p, strerror(errno));
			rc = ERR_INVALID;
		} else if (S_ISDIR(st.st_mode)) {
			size_t before = out.n;
			walk(p, &out, 0);
			if (out.n == before) {
				report(problem, arg, p, "no C files found in this folder");
				rc = ERR_INVALID;
			}
		} else if (!S_ISREG(st.st_mode)) {
			report(problem, arg, p, "not a regular file or a folder");
			rc = ERR_INVALID;
		} else if (access(p, R_OK) != 0) {
			report(problem, arg, p, strerror(errno));
			rc = ERR_INVALID;
		} else {
			VEC_PUSH(out.v, out.n, out.cap, xstrdup(p));
		}
	}
	/* The same file named twice (or through two paths) is analysed once. */
	struct strmap seen = STRMAP_INIT;
	struct strvec real = { 0 };
	size_t kept = 0;
	for (size_t i = 0; i < out.n; i++) {
		char *r = realpath(out.v[i], NULL);
		if (!r)
			r = xstrdup(out.v[i]);
		if (namemap_get(&seen, r, NULL)) {
			free(r);
			free(out.v[i]);
			continue;
		}
		VEC_PUSH(real.v, real.n, real.cap, r);
		namemap_put(&seen, r, 1);
		out.v[kept++] = out.v[i];
	}
	strmap_dispose(&seen);
	for (size_t i = 0; i < real.n; i++)
		free(real.v[i]);
	free(real.v);
	*files = out.v;
	*nfiles = kept;
	return rc;
}

void fe_job_add(struct fe_joblist *out, const char *file, char *const *argv, size_t argc,
                const char *directory)
{
	struct fe_job j = { 0 };
	j.file = xstrdup(file);
	j.argc = (int)argc;
	j.argv = xmalloc(sizeof(char *) * (argc ? argc : 1));
	for (size_t i = 0; i < argc; i++)
		j.argv[i] = xstrdup(argv[i]);
	j.directory = directory ? xstrdup(directory) : NULL;
	VEC_PUSH(out->jobs, out->n, out->cap, j);
}

int fe_jobs_from_paths(struct fe_joblist *out, char *const *paths, size_t npaths,
                       char *const *flags, size_t nflags, fe_problem_fn problem, void *arg)
{
	char **files;
	size_t nfiles;
	int rc = fe_expand_paths(paths, npaths, problem, arg, &files, &nfiles);
	char **argv = xmalloc(sizeof(char *) * (nflags + 2));
	argv[0] = (char *)"clang";
	for (size_t i = 0; i < nflags; i++)
		argv[i + 1] = flags[i];
	for (size_t i = 0; i < nfiles; i++) {
		argv[nflags + 1] = files[i];
		fe_job_add(out, files[i], argv, nflags + 2, NULL);
		free(files[i]);
	}
	free(argv);
	free(files);
	return rc;
}

/*
 * packs.c — the rule packs of a run (packs.h): the base model, and one
 * model per pack that selects itself by the headers a TU includes.
 */
#include "packs.h"

#include "ir/ir.h"
#include "util/xalloc.h"

#include <dirent.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void packs_rules_dir(char *out, size_t size)
{
	const char *env = getenv("REFCHECK_RULES_DIR");
	if (env && *env) {
		snprintf(out, size, "%s", env);
		return;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			char dir[PATH_MAX + 32], probe[PATH_MAX + 64];
			snprintf(dir, sizeof(dir), "%.*s/../share/refcheck/rules", PATH_MAX - 1, exe);
			snprintf(probe, sizeof(probe), "%s/runtime.json", dir);
			if (access(probe, R_OK) == 0) {
				snprintf(out, size, "%.*s", (int)size - 1, dir);
				return;
			}
		}
	}
	snprintf(out, size, "%s", REFCHECK_RULES_DIR);
}

/* A pack is a name (rules/<name>.json) or a path to a JSON file. */
static int load_pack(struct model *m, const char *dir, const char *name, struct err *e)
{
	char path[PATH_MAX];
	size_t len = strlen(name);
	if (strchr(name, '/') || (len > 5 && strcmp(name + len - 5, ".json") == 0))
		snprintf(path, sizeof(path), "%s", name);
	else
		snprintf(path, sizeof(path), "%s/%s.json", dir, name);
	int error = model_load_pack(m, path, e);
	if (error == ERR_NOTFOUND && !strchr(name, '/'))
		err_set(e, error, "unknown rule pack '%s' (no %s)", name, path);
	return error;
}

static bool listed(char *const *named, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(named[i], name) == 0)
			return true;
	return false;
}

/* The runtime pack and the named ones, into a new model. */
static int load_base(struct model **out, const char *dir, char *const *named, size_t n,
                     struct err *e)
{
	struct model *m = model_new();
	int error = listed(named, n, "runtime") ? 0 : load_pack(m, dir, "runtime", e);
	for (size_t i = 0; i < n && error == 0; i++)
		error = load_pack(m, dir, named[i], e);
	if (error < 0) {
		model_free(m);
		m = NULL;
	}
	*out = m;
	return error;
}

/* rules/NAME.json, a pack not already on: a candidate to select itself.
 * rules.json is the rule catalogue, not a pack. */
static bool auto_candidate(const char *file, char *const *named, size_t n, char *name, size_t size)
{
	size_t len = strlen(file);
	if (len <= 5 || strcmp(file + len - 5, ".json") != 0 || len - 5 >= size)
		return false;
	memcpy(name, file, len - 5);
	name[len - 5] = '\0';
	if (strcmp(name, "rules") == 0 || strcmp(name, "runtime") == 0 || listed(named, n, name))
		return false;
	for (size_t i = 0; i < n; i++) {
		/* --pack rules/cpython.json names it by path */
		const char *slash = strrchr(named[i], '/');
		if (slash && strcmp(slash + 1, file) == 0)
			return false;
	}
	return true;
}

/* Is dir/name.json the pack `name`, and does it say which headers select
 * it? The rules folder also holds the rule catalogue and the CPython
 * pack's overlay (cpython_overlay.json, "pack": "cpython"), which are not
 * packs of their own; a file that does not parse is left to --pack to
 * report. */
static bool selects_itself(const char *dir, const char *name)
{
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s.json", dir, name);
	json_t *root = json_load_file(path, 0, NULL);
	const char *pack = json_string_value(json_object_get(root, "pack"));
	bool yes = pack && strcmp(pack, name) == 0 &&
	           json_array_size(json_object_get(root, "detect_includes")) > 0;
	json_decref(root);
	return yes;
}

/* Sorted, so the choice between two detected packs does not depend on
 * the order of the folder. */
static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_autos(struct pack_set *ps, const char *dir, char *const *named, size_t n,
                      struct err *e)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;       /* no folder: no pack to detect */
	char **names = NULL;
	size_t count = 0, cap = 0;
	struct dirent *de;
	char name[256];
	while ((de = readdir(d)) != NULL) {
		if (!auto_candidate(de->d_name, named, n, name, sizeof(name)) ||
		    !selects_itself(dir, name))
			continue;
		if (count == cap)
			names = xrealloc(names, (cap = cap ? 2 * cap : 8) * sizeof(*names));
		names[count++] = xstrdup(name);
	}
	closedir(d);
	if (count > 1)
		qsort(names, count, sizeof(*names), compare_names);
	int error = 0;
	for (size_t i = 0; i < count && error == 0; i++) {
		struct model *m;
		if ((error = load_base(&m, dir, named, n, e)) < 0)
			break;
		if ((error = load_pack(m, dir, names[i], e)) < 0) {
			model_free(m);
			break;
		}
		if (ps->nauto == PACKS_MAX_AUTO)
			model_free(m);
		else
			ps->autos[ps->nauto++] = m;
	}
	for (size_t i = 0; i < count; i++)
		free(names[i]);
	free(names);
	return error;
}

int packs_load(struct pack_set *ps, const char *dir, char *const *named, size_t nnamed,
               struct err *e)
{
	memset(ps, 0, sizeof(*ps));
	int error = load_base(&ps->base, dir, named, nnamed, e);
	if (error == 0)
		error = load_autos(ps, dir, named, nnamed, e);
	if (error < 0)
		packs_dispose(ps);
	return error;
}

void packs_dispose(struct pack_set *ps)
{
	model_free(ps->base);
	for (uint32_t i = 0; i < ps->nauto; i++)
		model_free(ps->autos[i]);
	memset(ps, 0, sizeof(*ps));
}

const struct model *packs_for_tu(const struct pack_set *ps, const struct ir_tu *tu)
{
	for (uint32_t i = 0; i < ps->nauto; i++) {
		const struct model *m = ps->autos[i];
		const struct model_pack_info *p = model_pack(m, model_npacks(m) - 1);
		if (model_pack_detected(p, (const char *const *)tu->includes, tu->nincludes))
			return m;
	}
	return ps->base;
}

uint32_t packs_paths(const struct pack_set *ps, const char ***out)
{
	uint32_t nbase = model_npacks(ps->base);
	const char **paths = xcalloc(nbase + ps->nauto + 1, sizeof(*paths));
	uint32_t n = 0;
	for (uint32_t i = 0; i < nbase; i++)
		paths[n++] = model_pack(ps->base, i)->path;
	for (uint32_t i = 0; i < ps->nauto; i++)
		paths[n++] = model_pack(ps->autos[i], model_npacks(ps->autos[i]) - 1)->path;
	*out = paths;
	return n;
}

/*
 * analysis.c — the analysis stage behind the driver's seam (analysis.h):
 * load the rule packs once, analyse each lowered TU on its worker thread
 * (engine/analyze.c: model, engine, checks, suppressions), and render the
 * results in input order on the main thread as compiler-style text or one
 * JSON document.
 *
 * Shared between workers and read-only while they run: the model (packs)
 * and the analyze options. Everything a worker produces is in its result.
 */
#include "analysis.h"

#include "checks/check.h"
#include "engine/analyze.h"
#include "frontend/fe.h"
#include "ir/ir.h"
#include "model/model.h"
#include "report/json.h"
#include "report/source.h"
#include "report/text.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct analysis {
	struct analysis_options opt;
	struct model *model;
	struct analyze_options aopt;
	const struct check **checks;
	unsigned files;
	struct analyze_stats stats;
	struct json_writer json;
	struct source_cache *sources;       /* carets; main thread only */
};

struct analysis_tu_result {
	struct analyze_result res;
	int error;
	char errmsg[1024];
};

/* Where the packs are: $REFCHECK_RULES_DIR, the installed share folder
 * beside the binary, or the source tree this binary was built from. */
static void rules_dir(char *out, size_t size)
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
			snprintf(out, size, "%s/../share/refcheck/rules/runtime.json", exe);
			if (access(out, R_OK) == 0) {
				snprintf(out, size, "%s/../share/refcheck/rules", exe);
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

static bool pack_listed(const struct analysis_options *o, const char *name)
{
	for (size_t i = 0; i < o->npacks; i++)
		if (strcmp(o->packs[i], name) == 0)
			return true;
	return false;
}

static int select_checks(struct analysis *a, struct err *e)
{
	const struct check *const *all;
	uint32_t n = check_registry(&all);
	for (size_t i = 0; i < a->opt.nenable + a->opt.ndisable; i++) {
		const char *name = i < a->opt.nenable ? a->opt.enable[i] : a->opt.disable[i - a->opt.nenable];
		if (!check_find(name))
			return err_set(e, ERR_INVALID, "unknown check '%s' (see refcheck check --list-checks)", name);
	}
	a->checks = xcalloc(n, sizeof(*a->checks));
	uint32_t k = 0;
	for (uint32_t i = 0; i < n; i++) {
		bool on = a->opt.nenable == 0;
		for (size_t j = 0; j < a->opt.nenable; j++)
			on |= check_find(a->opt.enable[j]) == all[i];
		for (size_t j = 0; j < a->opt.ndisable; j++)
			on &= check_find(a->opt.disable[j]) != all[i];
		if (on)
			a->checks[k++] = all[i];
	}
	a->aopt.engine.checks = a->checks;
	a->aopt.engine.nchecks = k;
	return 0;
}

struct analysis *analysis_new(const struct analysis_options *opt, struct err *e)
{
	struct analysis *a = xcalloc(1, sizeof(*a));
	a->opt = *opt;
	a->model = model_new();
	char dir[PATH_MAX];
	rules_dir(dir, sizeof(dir));
	int error = 0;
	if (!pack_listed(opt, "runtime"))
		error = load_pack(a->model, dir, "runtime", e);
	for (size_t i = 0; i < opt->npacks && error == 0; i++)
		error = load_pack(a->model, dir, opt->packs[i], e);
	analyze_default_options(&a->aopt, a->model);
	if (error == 0)
		error = select_checks(a, e);
	if (error < 0) {
		analysis_free(a);
		return NULL;
	}
	/* The packs say which structs are object headers. */
	const char *const *roots;
	uint32_t nroots = model_object_structs(a->model, &roots);
	for (uint32_t i = 0; opt->fe && i < nroots; i++)
		fe_options_add_root(opt->fe, roots[i]);
	a->sources = source_cache_new();
	if (opt->format == ANALYSIS_FORMAT_JSON)
		report_json_begin(&a->json, stdout);
	return a;
}

int analysis_run_tu(struct analysis *a, const struct ir_tu *tu, struct analysis_tu_result **out)
{
	struct analysis_tu_result *r = xcalloc(1, sizeof(*r));
	analyze_result_init(&r->res);
	struct err e = { 0 };
	r->error = analyze_tu(&a->aopt, tu, &r->res, &e);
	if (r->error < 0)
		snprintf(r->errmsg, sizeof(r->errmsg), "%.400s: %.500s", tu->path, e.msg);
	*out = r;
	return r->error < 0 ? ERR_INTERNAL : 0;
}

static const char *note_text(const struct analyze_note *n, char *buf, size_t size)
{
	snprintf(buf, size, "function '%s' %s: %s", n->function,
	         n->kind == NOTE_SKIPPED ? "skipped" : "partially analysed", n->reason);
	return buf;
}

void analysis_print_tu_result(struct analysis *a, const struct analysis_tu_result *r, FILE *out)
{
	a->files++;
	analyze_stats_add(&a->stats, &r->res.stats);
	if (r->error < 0)
		fprintf(stderr, "refcheck: internal error: %s\n", r->errmsg);
	const struct finding_list *l = &r->res.findings;
	if (a->opt.format == ANALYSIS_FORMAT_JSON) {
		for (uint32_t i = 0; i < l->n; i++)
			report_json_finding(&a->json, l->items[i]);
		for (uint32_t i = 0; i < r->res.nnotes; i++)
			report_json_note(&a->json, &r->res.notes[i]);
		return;
	}
	struct text_options to = { .color = a->opt.color, .caret = true };
	for (uint32_t i = 0; i < l->n; i++)
		report_text_finding(out, l->items[i], &to, a->sources);
	char buf[1024];
	for (uint32_t i = 0; i < r->res.nnotes; i++)
		report_text_note(out, &r->res.notes[i].loc, note_text(&r->res.notes[i], buf, sizeof(buf)), &to);
}

void analysis_tu_result_free(struct analysis_tu_result *r)
{
	if (!r)
		return;
	analyze_result_dispose(&r->res);
	free(r);
}

int analysis_summary(struct analysis *a, FILE *out)
{
	if (a->opt.format == ANALYSIS_FORMAT_JSON)
		report_json_end(&a->json, a->files, &a->stats, NULL);
	report_text_summary(out, a->files, &a->stats);
	return (int)a->stats.findings;
}

void analysis_free(struct analysis *a)
{
	if (!a)
		return;
	model_free(a->model);
	free(a->checks);
	source_cache_free(a->sources);
	free(a);
}

void analysis_list_checks(FILE *out)
{
	const struct check *const *all;
	uint32_t n = check_registry(&all);
	for (uint32_t i = 0; i < n; i++) {
		fprintf(out, "%-20s %s [", all[i]->name, all[i]->summary);
		for (uint32_t k = 0; k < all[i]->nrules; k++)
			fprintf(out, "%s%s", k ? ", " : "", rule_name(all[i]->rules[k]));
		fputs("]\n", out);
	}
}

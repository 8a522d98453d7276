/*
 * analysis.c — the analysis stage behind the driver's seam (analysis.h):
 * load the rule packs once, analyse each lowered TU on its worker thread
 * (engine/analyze.c: model, engine, checks, suppressions), then on the main
 * thread the findings database (store/session.h: incremental reuse,
 * cross-TU summaries, baseline) and the renderers (report/render.h: text,
 * JSON, SARIF), in input order.
 *
 * Shared between workers and read-only while they run: the model (packs),
 * the analyze options and the store session's summary snapshot (fixed
 * during a pass). Everything a worker produces is in its result.
 *
 * Output: without a database each job's findings print when it is its
 * turn; with one they are held per job until the last pass, then printed in
 * input order, so a TU that a later pass re-analyses prints once, with its
 * final findings.
 */
#include "analysis.h"
#include "packs.h"

#include "checks/check.h"
#include "engine/analyze.h"
#include "frontend/fe.h"
#include "ir/ir.h"
#include "model/model.h"
#include "report/fingerprint.h"
#include "report/render.h"
#include "report/source.h"
#include "report/text.h"
#include "store/session.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct analysis_tu_result {
	struct analyze_result res;
	int error;
	char errmsg[1024];
	struct store_tu_data *data;     /* NULL without a database */
};

/* A job's final findings, held until the end (with a database). */
struct job_out {
	struct analysis_tu_result *r;   /* analysed in some pass */
	struct finding_list reused;     /* or reused from the database */
	bool has_reused, failed;
	uint32_t partial;
};

struct analysis {
	struct analysis_options opt;
	struct pack_set packs;
	struct analyze_options aopt;
	const struct check **checks;
	unsigned files;
	struct analyze_stats stats;
	struct source_cache *sources;       /* carets; main thread only */
	struct store_session *store;
	FILE *out;
	struct report_render render;
	bool rendering;                     /* render begun, not yet ended */
	struct job_out *jobs;
	size_t njobs;
	struct store_job *sjobs;            /* the session points into it */
	unsigned analysed, reused, findings_so_far;
	unsigned again;                     /* analyses in later passes */
	uint32_t baselined;
	bool unsettled;
	int error;                          /* a main-thread error: -1 input, -3 internal */
};

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

/* The packs' files and names, for the database (a changed pack means
 * every TU is analysed again). */
static int open_store(struct analysis *a, struct err *e)
{
	const char **paths;
	uint32_t n = packs_paths(&a->packs, &paths);
	struct strbuf names = STRBUF_INIT;
	for (uint32_t i = 0; i < model_npacks(a->packs.base); i++)
		sb_printf(&names, "%s%s", i ? "," : "", model_pack(a->packs.base, i)->name);
	/* What else changes results: the checks that run, the lowering limits. */
	struct strbuf config = STRBUF_INIT;
	sb_add(&config, "checks=");
	for (uint32_t i = 0; i < a->aopt.engine.nchecks; i++)
		sb_printf(&config, "%s,", a->aopt.engine.checks[i]->name);
	if (a->opt.fe)
		sb_printf(&config, " max_stmts=%u max_blocks=%u max_depth=%u", a->opt.fe->max_stmts,
		          a->opt.fe->max_blocks, a->opt.fe->max_depth);
	struct store_session_options so = {
		.db_path = a->opt.db, .version = REFCHECK_VERSION, .config = sb_str(&config),
		.args = a->opt.args,
		.packs = paths, .npacks = n, .pack_names = sb_str(&names),
		.reanalyse = a->opt.reanalyse, .model = a->packs.base,
	};
	int error = store_session_open(&a->store, &so, e);
	sb_dispose(&names);
	sb_dispose(&config);
	free(paths);
	if (error == 0) {
		a->aopt.seed = store_session_seed;
		a->aopt.seed_arg = a->store;
	}
	return error;
}

struct analysis *analysis_new(const struct analysis_options *opt, struct err *e)
{
	struct analysis *a = xcalloc(1, sizeof(*a));
	a->opt = *opt;
	a->sources = source_cache_new();
	char dir[PATH_MAX];
	packs_rules_dir(dir, sizeof(dir));
	int error = packs_load(&a->packs, dir, opt->packs, opt->npacks, e);
	analyze_default_options(&a->aopt, a->packs.base);
	if (error == 0)
		error = select_checks(a, e);
	if (error == 0 && !opt->no_db)
		error = open_store(a, e);
	a->out = stdout;
	if (error == 0 && opt->output && !(a->out = fopen(opt->output, "w"))) {
		a->out = stdout;
		error = err_set(e, ERR_INVALID, "%s: cannot write: %s", opt->output, strerror(errno));
	}
	if (error < 0) {
		analysis_free(a);
		return NULL;
	}
	/* The packs say which structs are object headers; those of a pack a
	 * TU may select are known to every TU (no other code has them). */
	for (uint32_t k = 0; k <= a->packs.nauto; k++) {
		const char *const *roots;
		const struct model *m = k ? a->packs.autos[k - 1] : a->packs.base;
		uint32_t nroots = model_object_structs(m, &roots);
		for (uint32_t i = 0; opt->fe && i < nroots; i++)
			fe_options_add_root(opt->fe, roots[i]);
	}
	report_render_begin(&a->render, (enum report_format)opt->format, a->out, opt->color,
	                    a->sources);
	a->rendering = true;
	return a;
}

int analysis_plan(struct analysis *a, const struct fe_job *jobs, size_t n, bool *need,
                  struct err *e)
{
	a->jobs = xcalloc(n ? n : 1, sizeof(*a->jobs));
	a->njobs = n;
	for (size_t i = 0; i < n; i++) {
		need[i] = true;
		finding_list_init(&a->jobs[i].reused);
	}
	if (!a->store)
		return 0;
	a->sjobs = xcalloc(n ? n : 1, sizeof(*a->sjobs));
	for (size_t i = 0; i < n; i++)
		a->sjobs[i] = (struct store_job){ jobs[i].file, (const char *const *)jobs[i].argv,
		                                  (uint32_t)jobs[i].argc, jobs[i].directory };
	return store_session_plan(a->store, a->sjobs, n, need, e);
}

/* ---- workers ---- */

int analysis_run_tu(struct analysis *a, const struct ir_tu *tu, struct analysis_tu_result **out)
{
	struct analysis_tu_result *r = xcalloc(1, sizeof(*r));
	analyze_result_init(&r->res);
	struct err e = { 0 };
	struct analyze_options o = a->aopt;
	o.model = packs_for_tu(&a->packs, tu);
	r->error = analyze_tu(&o, tu, &r->res, &e);
	if (r->error < 0)
		snprintf(r->errmsg, sizeof(r->errmsg), "%.400s: %.500s", tu->path, e.msg);
	if (a->store) {
		r->data = store_session_collect(a->store, tu, &r->res);
	} else {
		struct source_cache *sc = source_cache_new();
		report_fingerprint_list(&r->res.findings, sc);
		source_cache_free(sc);
	}
	*out = r;
	return r->error < 0 ? ERR_INTERNAL : 0;
}

void analysis_tu_result_free(struct analysis_tu_result *r)
{
	if (!r)
		return;
	analyze_result_dispose(&r->res);
	store_tu_data_free(r->data);
	free(r);
}

/* ---- printing (main thread) ---- */

static void main_error(struct analysis *a, const struct err *e)
{
	fprintf(stderr, "refcheck: %serror: %s\n", e->code == ERR_INTERNAL ? "internal " : "", e->msg);
	if (e->code == ERR_INTERNAL)
		a->error = -3;
	else if (!a->error)
		a->error = -1;
}

/* Count a finding list into the totals (for reused TUs; analysed ones
 * bring their own stats). */
static void count_list(struct analyze_stats *st, const struct finding_list *l)
{
	for (uint32_t i = 0; i < l->n; i++) {
		const struct finding *f = l->items[i];
		if (f->suppressed) {
			st->suppressed++;
		} else {
			st->findings++;
			if (f->rule >= 0 && f->rule < RULE__COUNT)
				st->by_rule[f->rule]++;
		}
	}
}

/* With --baseline, baselined findings are marked (and no longer fail). */
static void apply_baseline(struct analysis *a, struct finding_list *l)
{
	uint32_t n = 0;
	struct err e = { 0 };
	if (!a->store || !a->opt.baseline)
		return;
	if (store_baseline_apply(store_session_store(a->store), l, &n, &e) < 0)
		main_error(a, &e);
	a->baselined += n;
}

/* Print one job's final findings and fold them into the totals. */
static void emit_job(struct analysis *a, struct job_out *j)
{
	struct finding_list *l = j->r ? &j->r->res.findings : &j->reused;
	if (!j->r && !j->has_reused)
		return;
	a->files++;
	apply_baseline(a, l);
	if (j->r) {
		/* Baselined findings were counted as findings by analyze_tu. */
		struct analyze_stats st = j->r->res.stats;
		st.findings = st.suppressed = 0;
		memset(st.by_rule, 0, sizeof(st.by_rule));
		count_list(&st, l);
		analyze_stats_add(&a->stats, &st);
	} else {
		count_list(&a->stats, l);
		a->stats.partial += j->partial;
	}
	for (uint32_t i = 0; i < l->n; i++)
		report_render_finding(&a->render, l->items[i]);
	for (uint32_t i = 0; j->r && i < j->r->res.nnotes; i++)
		report_render_note(&a->render, &j->r->res.notes[i]);
	fflush(a->out);
}

void analysis_job_result(struct analysis *a, size_t i, struct analysis_tu_result *r, bool failed)
{
	struct job_out *j = &a->jobs[i];
	if (!r)
		return;
	if (r->error < 0)
		fprintf(stderr, "refcheck: internal error: %s\n", r->errmsg);
	a->findings_so_far += r->res.stats.findings;
	if (!a->store) {
		j->r = r;
		emit_job(a, j);
		analysis_tu_result_free(r);
		j->r = NULL;
		return;
	}
	struct err e = { 0 };
	if (store_session_record(a->store, i, r->data, &r->res.findings, r->res.stats.partial,
	                         failed, &e) < 0)
		main_error(a, &e);
	/* A later pass replaces what an earlier one had for this job. */
	if (j->r || j->has_reused)
		a->again++;
	if (j->r)
		a->findings_so_far -= j->r->res.stats.findings;
	else
		a->analysed++;
	if (j->has_reused) {
		for (uint32_t k = 0; k < j->reused.n; k++)
			a->findings_so_far -= !j->reused.items[k]->suppressed;
		finding_list_dispose(&j->reused);
		finding_list_init(&j->reused);
		j->has_reused = false;
		a->reused--;
	}
	analysis_tu_result_free(j->r);
	j->r = r;
	j->failed = failed;
}

void analysis_job_reused(struct analysis *a, size_t i)
{
	struct job_out *j = &a->jobs[i];
	struct err e = { 0 };
	if (store_session_reuse(a->store, i, &j->reused, &j->partial, &e) < 0) {
		main_error(a, &e);
		return;
	}
	j->has_reused = true;
	a->reused++;
	for (uint32_t k = 0; k < j->reused.n; k++)
		a->findings_so_far += !j->reused.items[k]->suppressed;
}

size_t analysis_next_pass(struct analysis *a, bool *need)
{
	if (!a->store || a->error)
		return 0;
	struct err e = { 0 };
	bool unsettled = false;
	size_t n = store_session_next_pass(a->store, need, &unsettled, &e);
	if (e.code)
		main_error(a, &e);
	a->unsettled |= unsettled;
	return n;
}

unsigned analysis_findings_so_far(const struct analysis *a)
{
	return a->findings_so_far;
}

/* ---- the end ---- */

static void finish_store(struct analysis *a, FILE *out)
{
	struct store_run_counts c = {
		.files = (uint32_t)a->njobs, .analysed = a->analysed, .reused = a->reused,
		.partial = a->stats.partial, .findings = a->stats.findings + a->stats.suppressed,
		.suppressed = a->stats.suppressed, .baselined = a->baselined,
	};
	for (size_t i = 0; i < a->njobs; i++)
		c.failed += a->jobs[i].failed;
	struct err e = { 0 };
	if (a->error || store_session_finish(a->store, &c, &e) < 0) {
		if (e.code)
			main_error(a, &e);
		return;
	}
	fprintf(out, "refcheck: run %lld in %s: %u file%s analysed, %u unchanged, %u new, %u fixed",
	        (long long)store_session_run(a->store), store_path(store_session_store(a->store)),
	        a->analysed, a->analysed == 1 ? "" : "s", a->reused, c.new_findings, c.fixed);
	if (a->opt.baseline)
		fprintf(out, ", %u in the baseline", a->baselined);
	unsigned passes = store_session_passes(a->store);
	if (passes > 1)
		fprintf(out, " (%u passes for cross-file summaries, %u file%s again)", passes, a->again,
		        a->again == 1 ? "" : "s");
	fputc('\n', out);
	if (a->unsettled)
		fprintf(out, "refcheck: note: cross-file summaries still changed after %d passes\n",
		        STORE_MAX_PASSES);
}

int analysis_summary(struct analysis *a, FILE *out)
{
	for (size_t i = 0; a->store && i < a->njobs; i++)
		emit_job(a, &a->jobs[i]);
	struct err e = { 0 };
	json_t *extra = json_object();
	json_object_set_new(extra, "baselined", json_integer(a->baselined));
	a->rendering = false;
	if (report_render_end(&a->render, a->files, &a->stats, extra, &e) < 0)
		main_error(a, &e);
	report_text_summary(out, a->files, &a->stats);
	if (a->store)
		finish_store(a, out);
	return a->error ? a->error : (int)a->stats.findings;
}

void analysis_free(struct analysis *a)
{
	if (!a)
		return;
	if (a->rendering) {
		struct err e = { 0 };
		report_render_end(&a->render, 0, &a->stats, NULL, &e);
	}
	for (size_t i = 0; i < a->njobs; i++) {
		analysis_tu_result_free(a->jobs[i].r);
		finding_list_dispose(&a->jobs[i].reused);
	}
	free(a->jobs);
	free(a->sjobs);
	store_session_close(a->store);
	if (a->out && a->out != stdout)
		fclose(a->out);
	packs_dispose(&a->packs);
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

/*
 * analyze.c — one translation unit through the engine (see analyze.h).
 *
 * Bottom-up order: Tarjan's strongly connected components of the call graph
 * among the TU's own functions come out callees first, so a helper's
 * summary (returns new or borrowed, may fail, steals) is known before its
 * callers run. Functions of one recursive component see each other's
 * defaults; a second round would change little and cost a full pass.
 */
#include "engine/analyze.h"

#include "checks/check.h"
#include "cycles/cycles.h"
#include "report/suppress.h"
#include "util/strmap.h"
#include "util/xalloc.h"

#include <string.h>

void analyze_default_options(struct analyze_options *opt, const struct model *m)
{
	memset(opt, 0, sizeof(*opt));
	opt->model = m;
	const struct check *const *checks;
	opt->engine.nchecks = check_registry(&checks);
	opt->engine.checks = checks;
	engine_default_limits(&opt->engine.limits);
}

void analyze_result_init(struct analyze_result *res)
{
	memset(res, 0, sizeof(*res));
	finding_list_init(&res->findings);
}

void analyze_result_dispose(struct analyze_result *res)
{
	finding_list_dispose(&res->findings);
	free(res->notes);
	free(res->inferred);
	memset(res, 0, sizeof(*res));
}

void analyze_stats_add(struct analyze_stats *a, const struct analyze_stats *b)
{
	a->functions += b->functions;
	a->analysed += b->analysed;
	a->partial += b->partial;
	a->skipped += b->skipped;
	a->trusted += b->trusted;
	a->findings += b->findings;
	a->suppressed += b->suppressed;
	for (int i = 0; i < RULE__COUNT; i++)
		a->by_rule[i] += b->by_rule[i];
}

/* ---- bottom-up order ---- */

struct scc {
	const struct ir_tu *tu;
	struct strmap index_of;     /* function name → 1 + index */
	uint32_t *index, *low, *stack, *order;
	bool *on_stack;
	uint32_t counter, sp, norder;
};

static void scc_visit(struct scc *g, uint32_t f);

static void scc_edges(struct scc *g, uint32_t f)
{
	const struct ir_func *fn = &g->tu->funcs[f];
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		for (uint32_t s = 0; s < fn->blocks[b].nstmts; s++) {
			const struct ir_stmt *st = &fn->blocks[b].stmts[s];
			if (st->kind != IR_S_CALL || !st->call.callee)
				continue;
			uintptr_t k = (uintptr_t)strmap_get(&g->index_of, st->call.callee);
			if (!k)
				continue;
			uint32_t t = (uint32_t)k - 1;
			if (g->index[t] == 0) {
				scc_visit(g, t);
				if (g->low[t] < g->low[f])
					g->low[f] = g->low[t];
			} else if (g->on_stack[t] && g->index[t] < g->low[f]) {
				g->low[f] = g->index[t];
			}
		}
	}
}

/* Recursion depth is bounded by the call-chain depth among the TU's own
 * functions, which real code keeps small; lowering caps function counts. */
static void scc_visit(struct scc *g, uint32_t f)
{
	g->index[f] = g->low[f] = ++g->counter;
	g->stack[g->sp++] = f;
	g->on_stack[f] = true;
	scc_edges(g, f);
	if (g->low[f] == g->index[f]) {
		uint32_t t;
		do {
			t = g->stack[--g->sp];
			g->on_stack[t] = false;
			g->order[g->norder++] = t;
		} while (t != f);
	}
}

/* Function indexes, callees before callers. */
static uint32_t *bottom_up_order(const struct ir_tu *tu)
{
	uint32_t n = tu->nfuncs;
	struct scc g = { 0 };
	g.tu = tu;
	g.index = xcalloc(n + 1, sizeof(uint32_t));
	g.low = xcalloc(n + 1, sizeof(uint32_t));
	g.stack = xcalloc(n + 1, sizeof(uint32_t));
	g.order = xcalloc(n + 1, sizeof(uint32_t));
	g.on_stack = xcalloc(n + 1, sizeof(bool));
	for (uint32_t i = 0; i < n; i++)
		strmap_put(&g.index_of, tu->funcs[i].name, (void *)(uintptr_t)(i + 1));
	for (uint32_t i = 0; i < n; i++)
		if (g.index[i] == 0)
			scc_visit(&g, i);
	strmap_dispose(&g.index_of);
	free(g.index);
	free(g.low);
	free(g.stack);
	free(g.on_stack);
	return g.order;
}

/* ---- the TU ---- */

static void add_note(struct analyze_result *res, const struct ir_tu *tu, const struct ir_func *fn,
                     enum analyze_note_kind kind, const char *reason)
{
	struct analyze_note n = { 0 };
	n.kind = kind;
	n.function = finding_strdup(&res->findings, fn->name);
	n.loc.file = finding_strdup(&res->findings, ir_file_name(tu, fn->loc.file));
	n.loc.line = fn->loc.line;
	n.loc.col = fn->loc.col;
	n.loc.end_line = fn->loc.end_line;
	n.loc.end_col = fn->loc.end_col;
	n.reason = finding_strdup(&res->findings, reason ? reason : "");
	VEC_PUSH(res->notes, res->nnotes, res->cap_notes, n);
}

static void analyze_function(const struct engine_options *eng, const struct ir_tu *tu,
                             const struct ir_func *fn, struct model_tu *mt,
                             struct analyze_result *res)
{
	res->stats.functions++;
	if (fn->skipped) {
		res->stats.skipped++;
		add_note(res, tu, fn, NOTE_SKIPPED, fn->skipped);
		return;
	}
	if (model_tu_lookup(mt, fn->name)->trusted) {
		res->stats.trusted++;
		return;
	}
	struct engine_fn_result fr;
	engine_run(eng, tu, fn, mt, &res->findings, &fr);
	if (fr.partial) {
		res->stats.partial++;
		add_note(res, tu, fn, NOTE_PARTIAL, fr.partial_reason);
		return;     /* a partial summary would mislead the callers */
	}
	res->stats.analysed++;
	model_tu_set_inferred(mt, &fr.inferred);
	fr.inferred.name = finding_strdup(&res->findings, fn->name);
	VEC_PUSH(res->inferred, res->ninferred, res->cap_inferred, fr.inferred);
}

/* Record a function named as a value (not called); false, so that
 * ir_expr_any visits every subexpression. */
static bool note_function(const struct ir_expr *e, void *mt)
{
	if (e->kind == IR_E_FUNC)
		model_tu_set_address_taken(mt, e->u.name);
	return false;
}

/* Every function named as a value in e: address taken. */
static void note_functions_used(struct model_tu *mt, const struct ir_expr *e)
{
	ir_expr_any(e, note_function, mt);
}

static void note_init_functions(struct model_tu *mt, const struct ir_init *in)
{
	if (!in)
		return;
	note_functions_used(mt, in->expr);
	for (uint32_t i = 0; i < in->nelems; i++)
		note_init_functions(mt, &in->elems[i]);
}

/* A function of the TU passed as a callback argument (model_fn.callbacks:
 * rc_weakref_new's cb) is called with references lent for the call: its
 * object parameters are borrowed, whatever its own body does with them. */
static void mark_callbacks(struct model_tu *mt, const struct ir_stmt *st)
{
	uint32_t cbs = model_tu_lookup(mt, st->call.callee)->callbacks;
	for (uint32_t i = 0; cbs && i < st->call.nargs && i < 32; i++) {
		const struct ir_expr *arg = st->call.args[i];
		if (!(cbs & (1u << i)) || !arg)
			continue;
		if (arg->kind == IR_E_ADDR)
			arg = arg->u.unary.operand;
		if (arg->kind == IR_E_FUNC)
			model_tu_set_lent_params(mt, arg->u.name, UINT32_MAX);
	}
}

/* Before the walk: which functions are used as values, and which are
 * callbacks with lent parameters. */
static void scan_function_uses(const struct ir_tu *tu, struct model_tu *mt)
{
	for (uint32_t g = 0; g < tu->nglobals; g++)
		note_init_functions(mt, tu->globals[g].init);
	for (uint32_t f = 0; f < tu->nfuncs; f++) {
		const struct ir_func *fn = &tu->funcs[f];
		for (uint32_t b = 0; b < fn->nblocks; b++) {
			note_functions_used(mt, fn->blocks[b].term.cond);
			for (uint32_t s = 0; s < fn->blocks[b].nstmts; s++) {
				const struct ir_stmt *st = &fn->blocks[b].stmts[s];
				note_functions_used(mt, st->dst);
				note_functions_used(mt, st->src);
				if (st->kind != IR_S_CALL)
					continue;
				note_functions_used(mt, st->call.fn);
				for (uint32_t i = 0; i < st->call.nargs; i++)
					note_functions_used(mt, st->call.args[i]);
				if (st->call.callee)
					mark_callbacks(mt, st);
			}
		}
	}
}

int analyze_tu(const struct analyze_options *opt, const struct ir_tu *tu,
               struct analyze_result *res, struct err *e)
{
	struct model_tu *mt = model_tu_new(opt->model, tu);
	if (opt->seed)
		opt->seed(opt->seed_arg, mt, tu);
	/* The TU's type model: the type-level cycle rules, and cycle-created. */
	struct cycle_model *cm = cycle_model_new(tu, mt);
	struct engine_options eng = opt->engine;
	eng.cycles = cm;
	for (uint32_t i = 0; i < eng.nchecks; i++)
		if (eng.checks[i] == &check_cycle_types)
			cycle_check_tu(cm, &res->findings);
	scan_function_uses(tu, mt);
	uint32_t *order = bottom_up_order(tu);
	for (uint32_t i = 0; i < tu->nfuncs; i++)
		analyze_function(&eng, tu, &tu->funcs[order[i]], mt, res);
	free(order);
	cycle_model_free(cm);
	model_tu_free(mt);

	int error = suppress_apply(&res->findings, e);
	finding_list_sort(&res->findings);
	for (uint32_t i = 0; i < res->findings.n; i++) {
		const struct finding *f = res->findings.items[i];
		if (f->suppressed) {
			res->stats.suppressed++;
		} else {
			res->stats.findings++;
			res->stats.by_rule[f->rule]++;
		}
	}
	return error;
}

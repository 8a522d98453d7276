/*
 * walk.c — the path-sensitive walk of one function's CFG.
 *
 * A worklist of (exploded node, state) pairs, first in first out, so short
 * paths are found first and a finding's path is short. At each block entry
 * the state is canonicalised and looked up in the block's set of states
 * already explored: identical states merge. A path may enter a loop head
 * a bounded number of times; a function gets a budget of steps, and running
 * out of it marks the function partially analysed.
 *
 * Ownership obligations end at returns: every owned reference still held
 * there is lost (EV_LOST), and every steal of a reference the function
 * never owned that no incref paid back is reported (EV_STEAL_UNOWNED).
 */
#include "engine/engine_internal.h"

#include "util/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <xxhash.h>
#include <string.h>

struct work {
	uint32_t node;
	uint32_t start;         /* first statement to run (forks resume mid-block) */
	struct state *st;
};

struct worklist {
	struct work *items;
	size_t head, n, cap;
};

static void work_push(struct worklist *w, uint32_t node, uint32_t start, struct state *st)
{
	if (w->head > 0 && w->n == w->cap) {
		memmove(w->items, w->items + w->head, sizeof(struct work) * (w->n - w->head));
		w->n -= w->head;
		w->head = 0;
	}
	struct work item = { node, start, st };
	VEC_PUSH(w->items, w->n, w->cap, item);
}

void engine_default_limits(struct engine_limits *l)
{
	l->max_steps = 40000;
	l->loop_unroll = 3;
	l->max_values = 4096;
	l->crowded = 24;
	l->max_pending = 4096;
	l->max_key_bytes = 64u << 20;
}

/* ---- events ---- */

void engine_emit(struct engine_ctx *ctx, enum event_kind kind, val_t val, struct ir_loc loc,
                 const struct ir_stmt *stmt, const struct model_fn *callee, uint32_t argno,
                 int detail)
{
	struct aval before;
	if (val)
		before = *state_val(ctx->cur, val);
	else
		memset(&before, 0, sizeof(before));
	struct event ev = {
		.kind = kind, .ctx = ctx, .loc = loc, .val = val, .v = &before,
		.stmt = stmt, .callee = callee, .argno = argno, .detail = detail,
	};
	for (uint32_t i = 0; i < ctx->opt->nchecks; i++) {
		check_hook h = ctx->opt->checks[i]->hooks[kind];
		if (h)
			h(&ev);
	}
}

void engine_emit_store(struct engine_ctx *ctx, val_t val, val_t base, const char *field,
                       const struct ir_type *base_ty, const struct ir_type *val_ty,
                       struct ir_loc loc, const struct ir_stmt *stmt)
{
	struct aval before = *state_val(ctx->cur, val);
	struct event ev = {
		.kind = EV_STORE, .ctx = ctx, .loc = loc, .val = val, .v = &before, .stmt = stmt,
		.base = base, .field = field, .base_ty = base_ty, .val_ty = val_ty,
	};
	for (uint32_t i = 0; i < ctx->opt->nchecks; i++) {
		check_hook h = ctx->opt->checks[i]->hooks[EV_STORE];
		if (h)
			h(&ev);
	}
}

const struct aval *engine_val(const struct engine_ctx *ctx, val_t v)
{
	return v && ctx->cur && v < ctx->cur->nvals ? &ctx->cur->vals[v] : NULL;
}

void engine_check_lost(struct engine_ctx *ctx, val_t v, struct ir_loc loc, int lost_kind,
                       uint32_t except_var)
{
	struct aval *a = state_val(ctx->cur, v);
	if (!a->is_obj || a->owned <= 0 || engine_val_is_null(a))
		return;
	if (state_val_in_vars(ctx->cur, v, except_var))
		return;
	engine_emit(ctx, EV_LOST, v, loc, NULL, NULL, 0, lost_kind);
	state_val(ctx->cur, v)->owned = 0;
}

/* ---- queries for checks ---- */

const struct ir_func *engine_func(const struct engine_ctx *ctx) { return ctx->fn; }
const struct ir_tu *engine_tu(const struct engine_ctx *ctx) { return ctx->tu; }
struct model_tu *engine_model(const struct engine_ctx *ctx) { return ctx->model; }
const struct model_fn *engine_self_model(const struct engine_ctx *ctx) { return ctx->self; }

bool engine_val_is_null(const struct aval *v)
{
	return v->lo == 0 && v->hi == 0;
}

bool engine_val_is_nonnull(const struct aval *v)
{
	return v->ne0 || v->lo > 0 || v->hi < 0;
}

void **engine_check_data(struct engine_ctx *ctx, const void *check)
{
	for (uint32_t i = 0; i < ctx->opt->nchecks; i++)
		if (ctx->opt->checks[i] == check)
			return &ctx->check_data[i];
	return NULL;
}

struct ir_loc engine_point_loc(const struct engine_ctx *ctx, uint32_t point)
{
	struct ir_loc none = { 0 };
	if (point == POINT_NONE || point == 0 || POINT_BLOCK(point) >= ctx->fn->nblocks)
		return ctx->fn->loc;
	const struct ir_block *b = &ctx->fn->blocks[POINT_BLOCK(point)];
	uint32_t s = POINT_STMT(point);
	if (s == POINT_TERM)
		return b->term.loc;
	return s < b->nstmts ? b->stmts[s].loc : none;
}

const struct ir_stmt *engine_point_stmt(const struct engine_ctx *ctx, uint32_t point)
{
	if (point == POINT_NONE || point == 0 || POINT_BLOCK(point) >= ctx->fn->nblocks)
		return NULL;
	const struct ir_block *b = &ctx->fn->blocks[POINT_BLOCK(point)];
	uint32_t s = POINT_STMT(point);
	return s != POINT_TERM && s < b->nstmts ? &b->stmts[s] : NULL;
}

const struct cycle_model *engine_cycle_model(const struct engine_ctx *ctx)
{
	return ctx->opt->cycles;
}

bool engine_val_is_element(const struct engine_ctx *ctx, val_t v)
{
	const struct state *s = ctx->cur;
	if (!s || !v || v >= s->nvals || s->vals[v].origin != ORIG_LOAD)
		return false;
	for (uint32_t i = 0; i < s->nmemo; i++)
		if (s->memo[i].val == v && !s->memo[i].stale)
			return false;
	return true;
}

/* Is v held in the function's own memory (a local array or struct:
 * `PyObject *stack[1] = {arg};`)? A parameter stored there is not given
 * away, though the store counted as a handover (so that an incref after
 * it balances: `aa[0] = v; Py_INCREF(v); ... Py_DECREF(aa[0]);`). */
static bool in_local_memory(const struct engine_ctx *ctx, const struct state *s, val_t v)
{
	for (uint32_t i = 0; i < s->nmemo; i++) {
		if (s->memo[i].val != v || s->memo[i].base == VAL_NONE)
			continue;
		for (uint32_t k = 0; k < s->nvars; k++) {
			const struct ir_var *var = &ctx->fn->vars[k];
			if (s->vars[k] == s->memo[i].base && var->kind == IR_VAR_LOCAL && var->ty &&
			    (var->ty->cls == IR_TY_ARRAY || var->ty->cls == IR_TY_RECORD))
				return true;
		}
	}
	return false;
}

/* ---- statements ---- */

static void kill_temps(struct engine_ctx *ctx, uint32_t block, uint32_t stmt, struct ir_loc loc)
{
	const uint32_t *p = liveness_dying(ctx, block, stmt);
	for (; p && p[0] == stmt; p += 2) {
		val_t old = ctx->cur->vars[p[1]];
		ctx->cur->vars[p[1]] = VAL_NONE;
		if (old)
			engine_check_lost(ctx, old, loc, LOST_DISCARD, UINT32_MAX);
	}
}

static void exec_stmt(struct engine_ctx *ctx, const struct ir_stmt *st, struct state ***forks,
                      uint32_t *nforks)
{
	*nforks = 0;
	switch (st->kind) {
	case IR_S_ASSIGN: {
		eval_uses(ctx, st->src, st->loc);
		if (st->dst->kind != IR_E_VAR)
			eval_uses(ctx, st->dst, st->loc);
		struct sval v = eval_expr(ctx, st->src);
		eval_store(ctx, st->dst, v, st->loc, st);
		break;
	}
	case IR_S_EVAL:
		eval_uses(ctx, st->src, st->loc);
		(void)eval_expr(ctx, st->src);
		break;
	case IR_S_CALL:
		call_exec(ctx, st, forks, nforks);
		break;
	}
}

/* ---- returns ---- */

static void exec_return(struct engine_ctx *ctx, const struct ir_block *b)
{
	struct ir_loc loc = b->term.loc;
	struct pending_return pr = { 0 };
	struct state *s = ctx->cur;
	if (b->term.cond) {
		eval_uses(ctx, b->term.cond, loc);
		struct sval r = eval_expr(ctx, b->term.cond);
		pr.has_value = true;
		bool ptr = ctx->fn->ret && ctx->fn->ret->cls == IR_TY_PTR;
		pr.lo = INT64_MIN;
		pr.hi = INT64_MAX;
		if (r.is_const) {
			pr.null = ptr && r.c == 0;
			pr.neg = r.c < 0;
			pr.lo = pr.hi = r.c;
		} else if (state_val(s, r.v)->is_obj) {
			engine_emit(ctx, EV_USE, r.v, loc, NULL, NULL, 0, USE_RETURN);
			engine_emit(ctx, EV_RETURN, r.v, loc, NULL, NULL, 0, 0);
			struct aval *a = state_val(s, r.v);
			pr.is_obj = true;
			pr.null = engine_val_is_null(a);
			pr.maybe_null = !engine_val_is_nonnull(a);
			pr.owned = a->owned > 0;
			pr.origin = a->origin;
			pr.element = engine_val_is_element(ctx, r.v);
			if (!pr.null && ctx->self->returns != MODEL_RET_BORROWED && a->owned > 0) {
				a->owned--;
				a->flags |= VF_HANDED;
			}
		} else {
			const struct aval *a = state_val(s, r.v);
			pr.neg = a->hi < 0;
			pr.null = ptr && engine_val_is_null(a);
			pr.lo = a->lo;
			pr.hi = a->hi;
		}
	}
	for (val_t v = 1; v < s->nvals; v++) {
		const struct aval *a = &s->vals[v];
		if (a->param && a->param <= 32 && a->is_obj && engine_val_is_null(a)) {
			/* `if (arg == NULL) return NULL;`: a NULL argument keeps or
			 * gives away nothing, so this path says nothing of a steal. */
			pr.params_null |= 1u << (a->param - 1);
		} else if (a->param && a->param <= 32 && a->is_obj) {
			if (a->owned < 0 && !in_local_memory(ctx, s, v))
				pr.params_released |= 1u << (a->param - 1);
			else
				pr.params_kept |= 1u << (a->param - 1);
		}
		if (a->param && a->param <= 32 && (a->flags & VF_OUT_NEW))
			pr.out_new |= 1u << (a->param - 1);
		if (a->param && a->param <= 32 && engine_val_is_nonnull(a))
			pr.params_nonzero |= 1u << (a->param - 1);
	}
	VEC_PUSH(ctx->returns, ctx->nreturns, ctx->cap_returns, pr);
	for (val_t v = 1; v < s->nvals; v++) {
		struct aval *a = &s->vals[v];
		/* An incref applied to memory in place (`Py_XINCREF(t->items[i])`
		 * before the table is copied) gives the reference to that memory,
		 * not to the function: only what a variable names can leak. */
		if (a->is_obj && a->origin == ORIG_LOAD && !state_val_in_vars(s, v, UINT32_MAX))
			continue;
		if (a->is_obj && a->owned > 0 && !engine_val_is_null(a)) {
			engine_emit(ctx, EV_LOST, v, loc, NULL, NULL, 0, LOST_EXIT);
			a = &s->vals[v];
			a->owned = 0;
		}
	}
	for (val_t v = 1; v < s->nvals; v++) {
		const struct aval *a = &s->vals[v];
		if (a->is_obj && a->stolen_unowned && a->owned < 0)
			engine_emit(ctx, EV_STEAL_UNOWNED, v, engine_point_loc(ctx, a->stolen_unowned),
			            NULL, NULL, 0, 0);
	}
}

/* ---- the walk ---- */

static uint32_t node_add(struct engine_ctx *ctx, uint32_t parent, uint32_t block,
                         uint32_t from, int8_t edge)
{
	struct enode n = { parent, block, from, edge, false, NULL };
	VEC_PUSH(ctx->nodes, ctx->nnodes, ctx->cap_nodes, n);
	return ctx->nnodes - 1;
}

static uint64_t seen_hash(uint32_t block, const struct strbuf *key)
{
	uint64_t h = XXH3_64bits_withSeed(key->buf ? key->buf : "", key->len, block);
	return h ? h : 1;   /* 0 marks an empty slot */
}

static void seen_grow(struct seen_table *t)
{
	struct seen_table n = { 0 };
	n.cap = t->cap ? t->cap * 2 : 256;
	n.hash = xcalloc(n.cap, sizeof(uint64_t));
	n.block = xmalloc(sizeof(uint32_t) * n.cap);
	n.off = xmalloc(sizeof(uint32_t) * n.cap);
	n.len = xmalloc(sizeof(uint32_t) * n.cap);
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->hash[i])
			continue;
		size_t j = t->hash[i] & (n.cap - 1);
		while (n.hash[j])
			j = (j + 1) & (n.cap - 1);
		n.hash[j] = t->hash[i];
		n.block[j] = t->block[i];
		n.off[j] = t->off[i];
		n.len[j] = t->len[i];
	}
	n.n = t->n;
	free(t->hash);
	free(t->block);
	free(t->off);
	free(t->len);
	*t = n;
}

/* Record the state key at block; false if it was explored there already. */
static bool seen_insert(struct engine_ctx *ctx, uint32_t block, const struct strbuf *key)
{
	struct seen_table *t = &ctx->seen;
	if ((t->n + 1) * 2 > t->cap)
		seen_grow(t);
	uint64_t h = seen_hash(block, key);
	size_t j = h & (t->cap - 1);
	for (; t->hash[j]; j = (j + 1) & (t->cap - 1)) {
		if (t->hash[j] == h && t->block[j] == block && t->len[j] == key->len &&
		    memcmp(ctx->key_pool + t->off[j], key->buf, key->len) == 0)
			return false;
	}
	VEC_RESERVE(ctx->key_pool, ctx->key_pool_cap, ctx->key_pool_len + key->len + 1);
	memcpy(ctx->key_pool + ctx->key_pool_len, key->buf ? key->buf : "", key->len);
	t->hash[j] = h;
	t->block[j] = block;
	t->off[j] = (uint32_t)ctx->key_pool_len;
	t->len[j] = (uint32_t)key->len;
	t->n++;
	ctx->key_pool_len += key->len;
	ctx->distinct[block]++;
	return true;
}

/* Loop heads: targets of back edges of a depth-first walk from the entry. */
static void find_loops(struct engine_ctx *ctx)
{
	const struct ir_func *fn = ctx->fn;
	uint32_t n = fn->nblocks;
	ctx->loop_of_block = xmalloc(sizeof(int32_t) * n);
	uint8_t *color = xcalloc(n, 1);     /* 0 new, 1 on stack, 2 done */
	uint32_t *stack = xmalloc(sizeof(uint32_t) * n);
	uint32_t *next = xcalloc(n, sizeof(uint32_t));
	for (uint32_t i = 0; i < n; i++)
		ctx->loop_of_block[i] = -1;
	uint32_t sp = 0;
	stack[sp++] = 0;
	color[0] = 1;
	while (sp) {
		uint32_t b = stack[sp - 1];
		const struct ir_term *t = &fn->blocks[b].term;
		uint32_t nsucc = t->kind == IR_T_GOTO ? 1 : t->kind == IR_T_BRANCH ? 2 :
		                 t->kind == IR_T_SWITCH ? t->ncases + 1 : 0;
		if (next[b] < nsucc) {
			uint32_t k = next[b]++;
			uint32_t s = t->kind == IR_T_SWITCH && k > 0 ? t->cases[k - 1].block : t->succ[k];
			if (s >= n)
				continue;
			if (color[s] == 0) {
				color[s] = 1;
				stack[sp++] = s;
			} else if (color[s] == 1 && ctx->loop_of_block[s] < 0) {
				ctx->loop_of_block[s] = (int32_t)ctx->nloops++;
			}
		} else {
			color[b] = 2;
			sp--;
		}
	}
	free(color);
	free(stack);
	free(next);
}

static struct state *initial_state(struct engine_ctx *ctx)
{
	const struct ir_func *fn = ctx->fn;
	struct state *s = state_new(fn->nvars, ctx->nloops);
	for (uint32_t i = 0; i < fn->nparams && i < fn->nvars; i++) {
		val_t v = state_new_val(s);
		struct aval *a = state_val(s, v);
		a->name = i + 1;
		a->param = i + 1;
		a->acquired = POINT_NONE;
		if (fn->vars[i].ty && fn->vars[i].ty->obj_depth == 1) {
			a->is_obj = true;
			a->origin = ORIG_PARAM;
		}
		s->vars[i] = v;
	}
	return s;
}

/* Take the branch `truth` of a condition on a copy; push it if feasible. */
static void push_edge(struct engine_ctx *ctx, struct worklist *wl, struct state *st,
                      const struct ir_block *b, uint32_t succ, int8_t edge,
                      const struct ir_expr *cond, bool truth)
{
	ctx->cur = st;
	if (cond && !eval_assume(ctx, cond, truth)) {
		state_free(st);
		return;
	}
	kill_temps(ctx, b->id, POINT_TERM, b->term.loc);
	uint32_t node = node_add(ctx, ctx->cur_node, succ, POINT(b->id, POINT_TERM), edge);
	work_push(wl, node, 0, st);
}

static void exec_switch(struct engine_ctx *ctx, struct worklist *wl, struct state *st,
                        const struct ir_block *b)
{
	const struct ir_term *t = &b->term;
	struct sval sv = eval_expr(ctx, t->cond);
	bool default_possible = true;
	for (uint32_t i = 0; i < t->ncases; i++) {
		const struct ir_case *c = &t->cases[i];
		if (sv.is_const) {
			if (sv.c >= c->lo && sv.c <= c->hi) {
				default_possible = false;
				push_edge(ctx, wl, state_copy(st), b, c->block, (int8_t)(i < 127 ? i : 127), NULL, true);
			}
			continue;
		}
		struct state *cs = state_copy(st);
		ctx->cur = cs;
		if (!eval_restrict(ctx, sv.v, c->lo, c->hi, false)) {
			state_free(cs);
			continue;
		}
		push_edge(ctx, wl, cs, b, c->block, (int8_t)(i < 127 ? i : 127), NULL, true);
	}
	if (default_possible)
		push_edge(ctx, wl, st, b, t->succ[0], -1, NULL, true);
	else
		state_free(st);
}

static void exec_terminator(struct engine_ctx *ctx, struct worklist *wl, struct state *st,
                            const struct ir_block *b)
{
	ctx->cur_point = POINT(b->id, POINT_TERM);
	switch (b->term.kind) {
	case IR_T_GOTO:
		push_edge(ctx, wl, st, b, b->term.succ[0], -2, NULL, true);
		return;
	case IR_T_BRANCH: {
		eval_uses(ctx, b->term.cond, b->term.loc);
		struct state *t = state_copy(st);
		push_edge(ctx, wl, t, b, b->term.succ[0], 1, b->term.cond, true);
		push_edge(ctx, wl, st, b, b->term.succ[1], 0, b->term.cond, false);
		return;
	}
	case IR_T_SWITCH:
		eval_uses(ctx, b->term.cond, b->term.loc);
		exec_switch(ctx, wl, st, b);
		return;
	case IR_T_RETURN:
		exec_return(ctx, b);
		break;
	default:
		break;
	}
	state_free(st);
}

static void exec_block(struct engine_ctx *ctx, struct worklist *wl, struct work item)
{
	const struct ir_block *b = &ctx->fn->blocks[ctx->nodes[item.node].block];
	struct state *st = item.st;
	for (uint32_t i = item.start; i < b->nstmts; i++) {
		ctx->cur = st;
		ctx->cur_point = POINT(b->id, i);
		struct state **forks = NULL;
		uint32_t nforks = 0;
		exec_stmt(ctx, &b->stmts[i], &forks, &nforks);
		ctx->cur = st;
		if (ctx->path_dead) {
			ctx->path_dead = false;
			for (uint32_t k = 0; k < nforks; k++)
				state_free(forks[k]);
			free(forks);
			state_free(st);
			return;
		}
		kill_temps(ctx, b->id, i, b->stmts[i].loc);
		for (uint32_t k = 0; k < nforks; k++) {
			/* The other outcome resumes after this statement. */
			struct state *saved = ctx->cur;
			ctx->cur = forks[k];
			kill_temps(ctx, b->id, i, b->stmts[i].loc);
			ctx->cur = saved;
			work_push(wl, item.node, i + 1, forks[k]);
		}
		free(forks);
	}
	ctx->cur = st;
	exec_terminator(ctx, wl, st, b);
}

/* At most this many flags survive widening: each may double the states. */
#define MAX_FLAG_VARS 6

struct var_marks {
	bool *seen;
	uint32_t nvars;
};

/* ir_expr_any's predicate: mark the variable, look further. */
static bool mark_var(const struct ir_expr *e, void *arg)
{
	struct var_marks *m = arg;
	if (e->kind == IR_E_VAR && e->u.var < m->nvars)
		m->seen[e->u.var] = true;
	return false;
}

/*
 * Flags: local integer variables that are only ever assigned constants
 * and that a branch tests (`int owned = 0; … owned = 1; … if (owned)
 * Py_DECREF(x);`). They take a few values only, so widening may keep them
 * without losing its bound, and keeping them keeps the correlation between
 * a flag and the reference it was set with across a crowded loop.
 */
static bool *find_flag_vars(const struct ir_func *fn)
{
	bool *flag = xcalloc(fn->nvars ? fn->nvars : 1, sizeof(bool));
	for (uint32_t i = 0; i < fn->nvars; i++)
		flag[i] = fn->vars[i].kind == IR_VAR_LOCAL && !fn->vars[i].addr_taken &&
		          fn->vars[i].ty && fn->vars[i].ty->cls == IR_TY_INT;
	bool *assigned = xcalloc(fn->nvars ? fn->nvars : 1, sizeof(bool));
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bl = &fn->blocks[b];
		for (uint32_t k = 0; k < bl->nstmts; k++) {
			const struct ir_stmt *st = &bl->stmts[k];
			if (!st->dst || st->dst->kind != IR_E_VAR || st->dst->u.var >= fn->nvars)
				continue;
			uint32_t v = st->dst->u.var;
			if (st->kind != IR_S_ASSIGN || st->src->kind != IR_E_INT)
				flag[v] = false;
			assigned[v] = true;
		}
	}
	/* Only a flag that some branch tests can tell paths apart. */
	bool *tested = xcalloc(fn->nvars ? fn->nvars : 1, sizeof(bool));
	struct var_marks marks = { tested, fn->nvars };
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const struct ir_term *t = &fn->blocks[b].term;
		if ((t->kind == IR_T_BRANCH || t->kind == IR_T_SWITCH) && t->cond)
			(void)ir_expr_any(t->cond, mark_var, &marks);
	}
	uint32_t kept = 0;
	for (uint32_t i = 0; i < fn->nvars; i++) {
		flag[i] = flag[i] && assigned[i] && tested[i] && kept < MAX_FLAG_VARS;
		kept += flag[i];
	}
	free(assigned);
	free(tested);
	return flag;
}

static void ctx_dispose(struct engine_ctx *ctx)
{
	free(ctx->seen.hash);
	free(ctx->seen.block);
	free(ctx->seen.off);
	free(ctx->seen.len);
	free(ctx->distinct);
	free(ctx->flag_vars);
	free(ctx->key_pool);
	sb_dispose(&ctx->key);
	sb_dispose(&ctx->scratch);
	free(ctx->loop_of_block);
	liveness_dispose(ctx);
	free(ctx->nodes);
	free(ctx->check_data);
	free(ctx->returns);
	free(ctx->keys);
}

static bool is_object_typed(const struct ir_expr *e, void *arg)
{
	(void)arg;
	return e->ty && e->ty->obj_depth;
}

static bool expr_has_object(const struct ir_expr *e)
{
	return ir_expr_any(e, is_object_typed, NULL);
}

/* Does the function handle objects at all? Most functions of most C code
 * do not (all of SQLite): nothing in them can own, borrow or release a
 * reference, so the path walk is skipped and only the integer part of
 * the summary (failure by a negative value) is taken from the returns. */
static bool function_handles_objects(const struct ir_func *fn, struct model_tu *mt)
{
	if (fn->ret && fn->ret->obj_depth)
		return true;
	for (uint32_t i = 0; i < fn->nvars; i++)
		if (fn->vars[i].ty && fn->vars[i].ty->obj_depth)
			return true;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const struct ir_block *blk = &fn->blocks[b];
		for (uint32_t k = 0; k < blk->nstmts; k++) {
			const struct ir_stmt *st = &blk->stmts[k];
			if (expr_has_object(st->dst) || expr_has_object(st->src))
				return true;
			if (st->kind != IR_S_CALL)
				continue;
			for (uint32_t a = 0; a < st->call.nargs; a++)
				if (expr_has_object(st->call.args[a]))
					return true;
			if (st->call.callee) {
				const struct model_fn *m = model_tu_lookup(mt, st->call.callee);
				if (m->prim || m->returns == MODEL_RET_NEW || m->returns == MODEL_RET_BORROWED ||
				    m->returns == MODEL_RET_FIELD)
					return true;
			}
		}
		if (expr_has_object(blk->term.cond))
			return true;
	}
	return false;
}

/* The summary of a function that handles no objects. */
static void plain_summary(const struct ir_func *fn, struct engine_fn_result *res)
{
	struct model_fn *m = &res->inferred;
	m->name = fn->name;
	m->source = MODEL_SRC_INFERRED;
	m->returns = MODEL_RET_NONE;
	m->fails = MODEL_FAILS_UNKNOWN;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const struct ir_term *t = &fn->blocks[b].term;
		if (t->kind == IR_T_RETURN && t->cond && t->cond->kind == IR_E_INT && t->cond->u.ival < 0)
			m->fails = MODEL_FAILS_NEGATIVE;
	}
}

int engine_run(const struct engine_options *opt, const struct ir_tu *tu,
               const struct ir_func *fn, struct model_tu *model,
               struct finding_list *out, struct engine_fn_result *res)
{
	memset(res, 0, sizeof(*res));
	if (fn->skipped) {
		res->partial = true;
		res->partial_reason = fn->skipped;
		return 0;
	}
	struct engine_ctx ctx = { 0 };
	ctx.opt = opt;
	ctx.tu = tu;
	ctx.fn = fn;
	ctx.model = model;
	ctx.self = model_tu_lookup(model, fn->name);
	ctx.out = out;
	if (ctx.self->trusted || fn->nblocks == 0)
		return 0;
	if (!function_handles_objects(fn, model)) {
		plain_summary(fn, res);
		return 0;
	}
	find_loops(&ctx);
	liveness_compute(&ctx);
	ctx.distinct = xcalloc(fn->nblocks, sizeof(uint32_t));
	ctx.flag_vars = find_flag_vars(fn);
	ctx.check_data = xcalloc(opt->nchecks ? opt->nchecks : 1, sizeof(void *));

	struct worklist wl = { 0 };
	uint32_t root = node_add(&ctx, UINT32_MAX, 0, POINT_NONE, -2);
	work_push(&wl, root, 0, initial_state(&ctx));
	while (wl.head < wl.n) {
		struct work item = wl.items[wl.head++];
		uint32_t block = ctx.nodes[item.node].block;
		ctx.cur_node = item.node;
		ctx.cur = item.st;
		const char *over = ++ctx.steps > opt->limits.max_steps ? "path budget exhausted"
		                 : item.st->nvals > opt->limits.max_values ? "too many values"
		                 : wl.n - wl.head > opt->limits.max_pending ? "too many paths at once"
		                 : ctx.key_pool_len > opt->limits.max_key_bytes ? "state memory budget exhausted"
		                 : NULL;
		if (over) {
			ctx.partial = true;
			ctx.partial_reason = over;
			state_free(item.st);
			break;
		}
		if (item.start == 0) {
			/* A block reached in many different states: what tells them
			 * apart is mostly integers; forget those (widening), keep
			 * the objects. */
			if (ctx.distinct[block] >= opt->limits.crowded)
				state_widen(item.st, fn, ctx.flag_vars);
			state_canon(item.st);
			state_key(item.st, &ctx.key);
			if (!seen_insert(&ctx, block, &ctx.key)) {
				state_free(item.st);
				continue;
			}
			int32_t loop = ctx.loop_of_block[block];
			if (loop >= 0 && item.st->loops[loop]++ >= opt->limits.loop_unroll) {
				state_free(item.st);
				continue;
			}
		}
		exec_block(&ctx, &wl, item);
	}
	for (size_t i = wl.head; i < wl.n; i++)
		state_free(wl.items[i].st);
	free(wl.items);

	ctx.cur = NULL;
	engine_emit(&ctx, EV_FUNC_END, VAL_NONE, fn->end, NULL, NULL, 0, 0);
	res->partial = ctx.partial;
	res->partial_reason = ctx.partial_reason;
	res->steps = ctx.steps;
	engine_infer_summary(&ctx, res);
	ctx_dispose(&ctx);
	return 0;
}

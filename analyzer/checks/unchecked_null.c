/*
 * unchecked_null.c — refcount-unchecked-null: the result of a call that
 * returns NULL on failure is dereferenced, incref'd, or passed where NULL
 * is not allowed, before any check. Only callees known to fail that way
 * (annotation, pack, inferred summary) count: the default model's "new or
 * NULL" guess is good enough for ownership, not for accusing code.
 */
#include "checks/check.h"

#include <string.h>

static bool is_var(const struct ir_expr *e, void *var)
{
	return e->kind == IR_E_VAR && e->u.var == *(const uint32_t *)var;
}

/* A variable that `index` (the arg) reads too. */
static bool is_var_of(const struct ir_expr *e, void *index)
{
	return e->kind == IR_E_VAR && ir_expr_any(index, is_var, (void *)&e->u.var);
}

/* Does some branch or switch of fn test a variable that the index
 * expression reads? That is how code bounds an index: a loop over the
 * size (`i < n`), a range check (`if (i >= n) return`). */
static bool index_is_bounded(const struct ir_func *fn, const struct ir_expr *index)
{
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const struct ir_term *t = &fn->blocks[b].term;
		if ((t->kind == IR_T_BRANCH || t->kind == IR_T_SWITCH) &&
		    ir_expr_any(t->cond, is_var_of, (void *)index))
			return true;
	}
	return false;
}

/* Was v read by a getter (container, index) at an index the function
 * bounds? Then a NULL result is the out-of-range case the code already
 * excluded. A constant index (`rc_list_get(l, 0)`) or one nothing tests
 * (a parameter used as is) assumes a size nothing established, and is
 * reported. */
static bool indexed_within_bounds(struct engine_ctx *ctx, const struct aval *v)
{
	const struct ir_stmt *st = engine_point_stmt(ctx, v->acquired);
	if (!st || st->kind != IR_S_CALL || !st->call.callee || st->call.nargs < 2)
		return false;
	const struct ir_tu *tu = engine_tu(ctx);
	for (uint32_t i = 0; i < tu->ndecls; i++) {
		const struct ir_decl *d = &tu->decls[i];
		if (strcmp(d->name, st->call.callee) != 0)
			continue;
		bool indexed = d->nparams >= 2 && d->params[1] && d->params[1]->cls == IR_TY_INT;
		return indexed && index_is_bounded(engine_func(ctx), st->call.args[1]);
	}
	return false;
}

static void unchecked_on_use(const struct event *ev)
{
	const struct aval *v = ev->v;
	if (!(v->flags & VF_MAYFAIL) || engine_val_is_nonnull(v) || engine_val_is_null(v))
		return;
	if (v->origin == ORIG_BORROWED && indexed_within_bounds(ev->ctx, v))
		return;
	const char *how;
	switch (ev->detail) {
	case USE_DEREF: how = "dereferenced"; break;
	case USE_INCREF: how = "incref'd"; break;
	case USE_ARG_NONNULL: how = "passed where NULL is not allowed"; break;
	case USE_RELEASE: how = "released"; break;
	default: return;
	}
	struct strbuf who = STRBUF_INIT;
	engine_describe(ev->ctx, v, &who);
	engine_report(ev->ctx, RULE_REFCOUNT_UNCHECKED_NULL, ev->loc, ev->val, v,
	              "%s, which is NULL when %s fails, is %s without a check", sb_str(&who),
	              v->callee ? v->callee : "the call", how);
	sb_dispose(&who);
}

static const int unchecked_rules[] = { RULE_REFCOUNT_UNCHECKED_NULL };

const struct check check_unchecked_null = {
	.name = "unchecked_null",
	.summary = "failure results used before they are checked",
	.rules = unchecked_rules,
	.nrules = 1,
	.hooks = { [EV_USE] = unchecked_on_use },
};

/*
 * unchecked_null.c — refcount-unchecked-null: the result of a call that
 * returns NULL on failure is dereferenced, incref'd, or passed where NULL
 * is not allowed, before any check. Only callees known to fail that way
 * (annotation, pack, inferred summary) count: the default model's "new or
 * NULL" guess is good enough for ownership, not for accusing code.
 */
#include "checks/check.h"

#include <string.h>

/* Is `name` declared with an integer second parameter (container, index)? */
static bool indexed_getter(struct engine_ctx *ctx, const char *name)
{
	const struct ir_tu *tu = engine_tu(ctx);
	for (uint32_t i = 0; name && i < tu->ndecls; i++) {
		const struct ir_decl *d = &tu->decls[i];
		if (strcmp(d->name, name) == 0)
			return d->nparams >= 2 && d->params[1] && d->params[1]->cls == IR_TY_INT;
	}
	return false;
}

static void unchecked_on_use(const struct event *ev)
{
	const struct aval *v = ev->v;
	if (!(v->flags & VF_MAYFAIL) || engine_val_is_nonnull(v) || engine_val_is_null(v))
		return;
	if (v->origin == ORIG_BORROWED && indexed_getter(ev->ctx, v->callee))
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

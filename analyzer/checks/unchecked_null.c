/*
 * unchecked_null.c — refcount-unchecked-null: the result of a call that
 * returns NULL on failure is dereferenced, incref'd, or passed where NULL
 * is not allowed, before any check. Only callees known to fail that way
 * (annotation, pack, inferred summary) count: the default model's "new or
 * NULL" guess is good enough for ownership, not for accusing code.
 */
#include "checks/check.h"

static void unchecked_on_use(const struct event *ev)
{
	const struct aval *v = ev->v;
	if (!(v->flags & VF_MAYFAIL) || v->origin != ORIG_NEW || engine_val_is_nonnull(v) ||
	    engine_val_is_null(v))
		return;
	const char *how;
	switch (ev->detail) {
	case USE_DEREF: how = "dereferenced"; break;
	case USE_INCREF: how = "incref'd"; break;
	case USE_ARG_NONNULL: how = "passed where NULL is not allowed"; break;
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

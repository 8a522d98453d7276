/*
 * over_release.c — refcount-over-release: a release of a reference the
 * code does not own: released twice, released after a callee stole it or
 * it was returned, or borrowed (from a get function or a static object).
 *
 * Releases of parameters, of loads from memory and of unknown pointers are
 * not reported: dealloc, clear and setters release references that their
 * object owns, and a function that releases its parameter is one that
 * steals it (the summary says so to its callers). The exception is a
 * function passed as a callback whose caller lends it the parameter
 * (RC_CALLBACK): nobody hands it a reference to steal.
 */
#include "checks/check.h"

/* A parameter of a function passed as a callback (model_fn.callbacks):
 * the caller lends it, so this function cannot be stealing it. */
static bool param_is_lent(struct engine_ctx *ctx, const struct aval *v)
{
	if (v->origin != ORIG_PARAM || !v->param || v->param > 32)
		return false;
	uint32_t lent = model_tu_params_lent(engine_model(ctx), engine_func(ctx)->name);
	return (lent >> (v->param - 1)) & 1u;
}

static void over_release_on_release(const struct event *ev)
{
	const struct aval *v = ev->v;
	if (v->owned > 0)
		return;
	const char *why;
	if (v->flags & VF_RELEASED)
		why = "is released again after its last owned reference was released";
	else if (v->flags & VF_HANDED)
		why = "is released after it was handed over";
	else if (v->origin == ORIG_BORROWED)
		why = "is borrowed and released without an incref";
	else if (v->origin == ORIG_SINGLETON)
		why = "is a borrowed reference to a static object and is released without an incref";
	else if (param_is_lent(ev->ctx, v))
		why = "is lent to this callback for the call and released without an incref";
	else
		return;
	struct strbuf who = STRBUF_INIT;
	engine_describe(ev->ctx, v, &who);
	engine_report(ev->ctx, RULE_REFCOUNT_OVER_RELEASE, ev->loc, ev->val, v,
	              "reference to %s %s", sb_str(&who), why);
	sb_dispose(&who);
}

static const int over_release_rules[] = { RULE_REFCOUNT_OVER_RELEASE };

const struct check check_over_release = {
	.name = "over_release",
	.summary = "releases of references the code does not own",
	.rules = over_release_rules,
	.nrules = 1,
	.hooks = { [EV_RELEASE] = over_release_on_release },
};

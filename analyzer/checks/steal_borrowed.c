/*
 * steal_borrowed.c — refcount-steal-borrowed: a callee stole a reference
 * the function never owned. The engine lets an incref after the steal pay
 * it back (`PyTuple_SET_ITEM(t, 0, v); Py_INCREF(v);` is fine) and reports
 * at the return the steals left unpaid, located at the stealing call.
 * Only references known to be borrowed are reported: parameters, results
 * of get functions, static objects.
 */
#include "checks/check.h"

static void steal_on_unowned(const struct event *ev)
{
	const struct aval *v = ev->v;
	if (v->origin != ORIG_PARAM && v->origin != ORIG_BORROWED && v->origin != ORIG_SINGLETON)
		return;
	struct strbuf who = STRBUF_INIT;
	engine_describe(ev->ctx, v, &who);
	engine_report(ev->ctx, RULE_REFCOUNT_STEAL_BORROWED, ev->loc, ev->val, v,
	              "borrowed reference %s is stolen by the call without an incref", sb_str(&who));
	sb_dispose(&who);
}

static const int steal_rules[] = { RULE_REFCOUNT_STEAL_BORROWED };

const struct check check_steal_borrowed = {
	.name = "steal_borrowed",
	.summary = "borrowed references passed to functions that steal them",
	.rules = steal_rules,
	.nrules = 1,
	.hooks = { [EV_STEAL_UNOWNED] = steal_on_unowned },
};

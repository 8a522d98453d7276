/*
 * steal_borrowed.c — refcount-steal-borrowed: a callee stole a reference
 * the function never owned. The engine lets an incref after the steal pay
 * it back (`PyTuple_SET_ITEM(t, 0, v); Py_INCREF(v);` is fine) and reports
 * at the return the steals left unpaid, located at the stealing call.
 * Only references known not to be the function's are reported:
 * parameters, results of get functions, static objects, references read
 * from a field (the field keeps pointing at what the callee now owns,
 * unless the code clears it: `PyTuple_SET_ITEM(t, 0, self->x); self->x =
 * NULL;` moves the reference and settles the steal), and references
 * already handed over once (stolen twice).
 */
#include "checks/check.h"

static void steal_on_unowned(const struct event *ev)
{
	const struct aval *v = ev->v;
	bool again = v->origin == ORIG_NEW && (v->flags & VF_HANDED);
	if (v->origin != ORIG_PARAM && v->origin != ORIG_BORROWED && v->origin != ORIG_SINGLETON &&
	    v->origin != ORIG_LOAD && !again)
		return;
	struct strbuf who = STRBUF_INIT;
	engine_describe(ev->ctx, v, &who);
	if (again)
		engine_report(ev->ctx, RULE_REFCOUNT_STEAL_BORROWED, ev->loc, ev->val, v,
		              "reference to %s is stolen again after it was handed over", sb_str(&who));
	else
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

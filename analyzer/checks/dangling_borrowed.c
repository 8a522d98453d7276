/*
 * dangling_borrowed.c — refcount-dangling-borrowed: a borrowed reference
 * (a container's item, an object's field) used after its owner was
 * released, or after a call that may run code or change the owner
 * (DESIGN §4: the re-entrancy class of real CPython bugs). The engine marks
 * such values invalid; this check reports their next use.
 */
#include "checks/check.h"

static void dangling_on_use(const struct event *ev)
{
	const struct aval *v = ev->v;
	if (!(v->flags & VF_INVALID) || v->owned > 0 || (v->flags & VF_RELEASED) ||
	    ev->detail == USE_RELEASE)
		return;
	struct strbuf who = STRBUF_INIT;
	engine_describe(ev->ctx, v, &who);
	struct ir_loc at = engine_point_loc(ev->ctx, v->changed);
	if (v->invalidator)
		engine_report(ev->ctx, RULE_REFCOUNT_DANGLING_BORROWED, ev->loc, ev->val, v,
		              "borrowed reference %s is used after the call to %s at line %u, "
		              "which may have released it", sb_str(&who), v->invalidator, at.line);
	else
		engine_report(ev->ctx, RULE_REFCOUNT_DANGLING_BORROWED, ev->loc, ev->val, v,
		              "borrowed reference %s is used after its owner was released at line %u",
		              sb_str(&who), at.line);
	sb_dispose(&who);
}

static const int dangling_rules[] = { RULE_REFCOUNT_DANGLING_BORROWED };

const struct check check_dangling_borrowed = {
	.name = "dangling_borrowed",
	.summary = "borrowed references used after their owner may have gone",
	.rules = dangling_rules,
	.nrules = 1,
	.hooks = { [EV_USE] = dangling_on_use },
};

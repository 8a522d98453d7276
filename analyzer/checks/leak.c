/*
 * leak.c — refcount-leak: an owned reference is lost without being
 * released or handed over (DESIGN §4). The engine says when a reference is
 * lost (EV_LOST); this check words it. The finding stands where the last
 * reference goes: the return, the closing brace, the overwriting
 * assignment, or the call whose result is dropped (DESIGN §7).
 */
#include "checks/check.h"

static void leak_on_lost(const struct event *ev)
{
	struct strbuf who = STRBUF_INIT, from = STRBUF_INIT;
	engine_describe(ev->ctx, ev->v, &who);
	if (ev->v->origin == ORIG_NEW && ev->v->callee) {
		struct ir_loc acq = engine_point_loc(ev->ctx, ev->v->acquired);
		sb_printf(&from, " (new, from %s at line %u)", ev->v->callee, acq.line);
	} else if (ev->v->origin != ORIG_NEW) {
		sb_add(&from, " (taken with an incref)");
	}
	const char *how;
	switch (ev->detail) {
	case LOST_OVERWRITE: how = "is lost when the variable is overwritten"; break;
	case LOST_DISCARD: how = "is never released"; break;
	case LOST_FIELD: how = "is lost when the field holding it is overwritten"; break;
	default: how = "leaks on this path"; break;
	}
	engine_report(ev->ctx, RULE_REFCOUNT_LEAK, ev->loc, ev->val, ev->v,
	              "reference to %s%s %s", sb_str(&who), sb_str(&from), how);
	sb_dispose(&who);
	sb_dispose(&from);
}

static const int leak_rules[] = { RULE_REFCOUNT_LEAK };

const struct check check_leak = {
	.name = "leak",
	.summary = "owned references lost without a release",
	.rules = leak_rules,
	.nrules = 1,
	.hooks = { [EV_LOST] = leak_on_lost },
};

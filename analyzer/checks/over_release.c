/*
 * over_release.c — refcount-over-release: a release of a reference the
 * code does not own: released twice, released after a callee stole it or
 * it was returned, or borrowed (from a get function or a static object).
 *
 * Releases of parameters, of loads from memory and of unknown pointers are
 * not reported: dealloc, clear and setters release references that their
 * object owns, and a function that releases its parameter is one that
 * steals it (the summary says so to its callers).
 */
#include "checks/check.h"

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

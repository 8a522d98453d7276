/*
 * use_after_release.c — refcount-use-after-release: the object is used
 * after the last reference the code owned was released. A second release
 * is an over-release, not a use, so releases are left to that check.
 */
#include "checks/check.h"

static void uar_on_use(const struct event *ev)
{
	const struct aval *v = ev->v;
	if (!(v->flags & VF_RELEASED) || v->owned > 0)
		return;
	if (ev->detail == USE_RELEASE)
		return;
	static const char *const how[] = {
		[USE_DEREF] = "is dereferenced", [USE_ARG] = "is passed to %s",
		[USE_ARG_NONNULL] = "is passed to %s", [USE_INCREF] = "is incref'd",
		[USE_RETURN] = "is returned", [USE_STORE] = "is stored", [USE_RELEASE] = "is released",
	};
	struct strbuf who = STRBUF_INIT, what = STRBUF_INIT;
	engine_describe(ev->ctx, v, &who);
	if (ev->detail == USE_ARG || ev->detail == USE_ARG_NONNULL)
		sb_printf(&what, "is passed to %s", ev->callee && ev->callee->name ? ev->callee->name : "a call");
	else
		sb_add(&what, how[ev->detail]);
	engine_report(ev->ctx, RULE_REFCOUNT_USE_AFTER_RELEASE, ev->loc, ev->val, v,
	              "%s %s after its last owned reference was released", sb_str(&who), sb_str(&what));
	sb_dispose(&who);
	sb_dispose(&what);
}

static const int uar_rules[] = { RULE_REFCOUNT_USE_AFTER_RELEASE };

const struct check check_use_after_release = {
	.name = "use_after_release",
	.summary = "uses of objects after their last owned reference was released",
	.rules = uar_rules,
	.nrules = 1,
	.hooks = { [EV_USE] = uar_on_use },
};

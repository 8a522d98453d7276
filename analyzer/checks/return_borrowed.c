/*
 * return_borrowed.c — refcount-return-borrowed: a function that returns
 * new references returns one it does not own.
 *
 * A function's contract is explicit when an annotation or a pack says it
 * returns new references (or it fills a slot that must, such as a method
 * table): every borrowed return is reported. Otherwise the contract is read
 * from the function itself: if some path returns an owned reference, the
 * caller must release what it gets, so a path returning a borrowed one (a
 * parameter, a field, a get result, a static object such as None) is a bug;
 * those candidates are kept until every path was seen (EV_FUNC_END).
 */
#include "checks/check.h"

#include "util/xalloc.h"

struct pending {
	struct finding **items;
	uint32_t n, cap;
};

static void rb_on_return(const struct event *ev)
{
	const struct aval *v = ev->v;
	const struct model_fn *self = engine_self_model(ev->ctx);
	if (v->owned > 0 || engine_val_is_null(v) || self->returns == MODEL_RET_BORROWED)
		return;
	/* Returning what the function itself released is a use after release,
	 * and that check reports it: one bug, one finding. */
	if (v->flags & VF_RELEASED)
		return;
	if (v->origin != ORIG_PARAM && v->origin != ORIG_LOAD && v->origin != ORIG_BORROWED &&
	    v->origin != ORIG_SINGLETON && !(v->flags & VF_HANDED))
		return;
	bool explicit = self->returns_new_contract ||
	                (self->returns == MODEL_RET_NEW && self->source >= MODEL_SRC_PACK);
	struct strbuf who = STRBUF_INIT;
	engine_describe(ev->ctx, v, &who);
	const char *fn = engine_func(ev->ctx)->name;
	if (explicit) {
		engine_report(ev->ctx, RULE_REFCOUNT_RETURN_BORROWED, ev->loc, ev->val, v,
		              "%s returns a new reference, but %s is not owned here", fn, sb_str(&who));
	} else {
		struct finding *f = engine_report_later(ev->ctx, RULE_REFCOUNT_RETURN_BORROWED, ev->loc,
		        ev->val, v, "%s returns new references on other paths, but %s is not owned here",
		        fn, sb_str(&who));
		if (f) {
			struct pending **slot = (struct pending **)engine_check_data(ev->ctx, &check_return_borrowed);
			if (!*slot)
				*slot = xcalloc(1, sizeof(struct pending));
			VEC_PUSH((*slot)->items, (*slot)->n, (*slot)->cap, f);
		}
	}
	sb_dispose(&who);
}

static void rb_on_end(const struct event *ev)
{
	struct pending **slot = (struct pending **)engine_check_data(ev->ctx, &check_return_borrowed);
	if (!slot || !*slot)
		return;
	bool mixed = engine_any_owned_return(ev->ctx);
	for (uint32_t i = 0; i < (*slot)->n; i++) {
		if (mixed)
			engine_commit(ev->ctx, (*slot)->items[i]);
		else
			engine_discard(ev->ctx, (*slot)->items[i]);
	}
	free((*slot)->items);
	free(*slot);
	*slot = NULL;
}

static const int rb_rules[] = { RULE_REFCOUNT_RETURN_BORROWED };

const struct check check_return_borrowed = {
	.name = "return_borrowed",
	.summary = "borrowed references returned as new ones",
	.rules = rb_rules,
	.nrules = 1,
	.hooks = { [EV_RETURN] = rb_on_return, [EV_FUNC_END] = rb_on_end },
};

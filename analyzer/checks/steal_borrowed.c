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
 *
 * A parameter that a static helper checks for NULL, failing when it is
 * (`if (arg == NULL) return NULL; return Py_BuildValue("N", arg);`), is one
 * it is meant to take over: such helpers accept a call's result directly
 * (`codec_tuple(PyUnicode_Decode(...))`), and the summary tells their
 * callers they steal. Functions others may call (exported, or used as a
 * value: a setter in a table gets NULL to delete) keep the borrowed
 * convention. Steals of parameters wait for EV_FUNC_END to know.
 */
#include "checks/check.h"

#include "util/xalloc.h"

struct held_param {
	struct finding *f;
	uint32_t param;
};

struct held {
	struct held_param *items;
	uint32_t n, cap;
};

static void steal_on_unowned(const struct event *ev)
{
	const struct aval *v = ev->v;
	bool again = v->origin == ORIG_NEW && (v->flags & VF_HANDED);
	if (v->origin != ORIG_PARAM && v->origin != ORIG_BORROWED && v->origin != ORIG_SINGLETON &&
	    v->origin != ORIG_LOAD && !again)
		return;
	struct strbuf who = STRBUF_INIT;
	engine_describe(ev->ctx, v, &who);
	if (again) {
		engine_report(ev->ctx, RULE_REFCOUNT_STEAL_BORROWED, ev->loc, ev->val, v,
		              "reference to %s is stolen again after it was handed over", sb_str(&who));
	} else if (v->origin == ORIG_PARAM && v->param) {
		struct finding *f = engine_report_later(ev->ctx, RULE_REFCOUNT_STEAL_BORROWED, ev->loc,
		        ev->val, v, "borrowed reference %s is stolen by the call without an incref",
		        sb_str(&who));
		if (f) {
			struct held **slot = (struct held **)engine_check_data(ev->ctx, &check_steal_borrowed);
			if (!*slot)
				*slot = xcalloc(1, sizeof(struct held));
			struct held_param h = { f, v->param };
			VEC_PUSH((*slot)->items, (*slot)->n, (*slot)->cap, h);
		}
	} else {
		engine_report(ev->ctx, RULE_REFCOUNT_STEAL_BORROWED, ev->loc, ev->val, v,
		              "borrowed reference %s is stolen by the call without an incref", sb_str(&who));
	}
	sb_dispose(&who);
}

static void steal_on_end(const struct event *ev)
{
	struct held **slot = (struct held **)engine_check_data(ev->ctx, &check_steal_borrowed);
	if (!slot || !*slot)
		return;
	const struct ir_func *fn = engine_func(ev->ctx);
	bool own_contract = fn->is_static && !engine_self_model(ev->ctx)->returns_new_contract &&
	                    !model_tu_address_taken(engine_model(ev->ctx), fn->name);
	for (uint32_t i = 0; i < (*slot)->n; i++) {
		const struct held_param *h = &(*slot)->items[i];
		if (own_contract && engine_param_null_fails(ev->ctx, h->param))
			engine_discard(ev->ctx, h->f);
		else
			engine_commit(ev->ctx, h->f);
	}
	free((*slot)->items);
	free(*slot);
	*slot = NULL;
}

static const int steal_rules[] = { RULE_REFCOUNT_STEAL_BORROWED };

const struct check check_steal_borrowed = {
	.name = "steal_borrowed",
	.summary = "borrowed references passed to functions that steal them",
	.rules = steal_rules,
	.nrules = 1,
	.hooks = { [EV_STEAL_UNOWNED] = steal_on_unowned, [EV_FUNC_END] = steal_on_end },
};

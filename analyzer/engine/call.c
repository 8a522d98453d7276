/*
 * call.c — what a call does to the state, following the callee's model:
 * the refcount primitives, steals (always, or only on success), out-
 * parameters, borrowed and new results, format-driven effects
 * (Py_BuildValue's "N", PyArg_ParseTuple's "O"), invalidation of borrowed
 * references by calls that may run code or change a container.
 *
 * Calls whose effects depend on their outcome (a steal or out-parameter
 * only on success) fork the state into a success and a failure state, each
 * with the result constrained, so both outcomes are followed (DESIGN §4:
 * the largest source of false positives and misses in older checkers).
 */
#include "engine/engine_internal.h"

#include "util/xalloc.h"

#include <stdio.h>
#include <string.h>

struct call_args {
	struct sval *vals;
	uint32_t n;
	uint32_t format_steals;     /* argument bits stolen by a format ("N") */
	uint32_t format_borrow_out; /* argument bits receiving borrowed refs ("O" in parse) */
};

static bool arg_is_obj(struct engine_ctx *ctx, const struct call_args *a, uint32_t i)
{
	return i < a->n && !a->vals[i].is_const && state_val(ctx->cur, a->vals[i].v)->is_obj;
}

/* ---- format strings ---- */

/* Walk a Py_BuildValue format: "N" steals, "O"/"S" do not; other units
 * consume one argument, "#" adds a length, "&" a converter. */
static void format_build(const char *f, uint32_t first, uint32_t n, uint32_t *steals)
{
	uint32_t arg = first;
	for (; *f && arg < n; f++) {
		switch (*f) {
		case '(': case ')': case '[': case ']': case '{': case '}':
		case ':': case ',': case ' ': case '\t': case '!':
			break;
		case '#':
			arg++;          /* the length of the preceding s#/y#/u# */
			break;
		case '&':
			arg++;          /* O&: converter, then its argument */
			break;
		case 'N':
			if (arg < 32)
				*steals |= 1u << arg;
			arg++;
			break;
		default:
			arg++;
			break;
		}
	}
}

/* Walk a PyArg_Parse* format: "O", "S", "U", "Y" store borrowed references
 * through their pointer; "O!" takes the type first; "O&" a converter and
 * its pointer; "es"/"et" take an encoding; "|", "$" mark optional parts;
 * ":" and ";" end the units. */
static void format_parse(const char *f, uint32_t first, uint32_t n, uint32_t *borrow_out)
{
	uint32_t arg = first;
	for (; *f && *f != ':' && *f != ';' && arg < n; f++) {
		switch (*f) {
		case '|': case '$': case '(': case ')': case ' ':
			break;
		case 'O':
			if (f[1] == '!') {
				f++;
				arg++;      /* the type object */
			} else if (f[1] == '&') {
				f++;
				arg += 2;   /* converter and its target: not a reference */
				break;
			}
			if (arg < 32)
				*borrow_out |= 1u << arg;
			arg++;
			break;
		case 'S': case 'U': case 'Y':
			if (arg < 32)
				*borrow_out |= 1u << arg;
			arg++;
			break;
		case 'e':
			arg++;          /* the encoding; the unit letter follows */
			break;
		case '#': case '*': case '!': case '&':
			if (*f == '#')
				arg++;
			break;
		default:
			arg++;
			break;
		}
	}
}

static void format_effects(struct engine_ctx *ctx, const struct ir_stmt *st,
                           const struct model_fn *m, struct call_args *a)
{
	uint32_t fa = m->format_arg ? m->format_arg - 1u : 0;
	if (m->format == MODEL_FMT_NONE || fa >= st->call.nargs)
		return;
	const struct ir_expr *fe = st->call.args[fa];
	if (fe->kind != IR_E_STR)
		return;
	/* PyArg_ParseTupleAndKeywords has its keyword list between the format
	 * and the targets: the first pointer argument after the format. */
	uint32_t first = fa + 1;
	if (m->format == MODEL_FMT_PARSE && strstr(m->name, "Keywords") && first < st->call.nargs)
		first++;
	if (m->format == MODEL_FMT_BUILD)
		format_build(fe->u.str, first, st->call.nargs, &a->format_steals);
	else
		format_parse(fe->u.str, first, st->call.nargs, &a->format_borrow_out);
	(void)ctx;
}

/* ---- effects ---- */

static const struct ir_loc *stmt_loc(const struct ir_stmt *st)
{
	return &st->loc;
}

/* Is v borrowed from owner, directly or through a chain of loads
 * (list->ob_item[i] is borrowed from ob_item, which the list holds)? */
static bool owned_by(const struct state *s, val_t v, val_t owner)
{
	for (int depth = 0; depth < 4 && v; depth++) {
		v = s->vals[v].owner;
		if (v == owner)
			return true;
	}
	return false;
}

/* Was v read from a field of an object (not an array element, not a
 * global)? Sets *base to the object. */
static bool field_borrow(const struct state *s, val_t v, val_t *base)
{
	for (uint32_t i = 0; i < s->nmemo; i++) {
		const struct memo_ent *m = &s->memo[i];
		if (m->val == v && m->base != VAL_NONE && strcmp(m->name, "*") != 0) {
			*base = m->base;
			return true;
		}
	}
	return false;
}

/* Is one of the call's arguments v or base (v may be VAL_NONE)? */
static bool call_reaches(const struct call_args *a, val_t v, val_t base)
{
	for (uint32_t i = 0; i < a->n; i++)
		if (!a->vals[i].is_const && a->vals[i].v != VAL_NONE &&
		    (a->vals[i].v == v || a->vals[i].v == base))
			return true;
	return false;
}

/* May code run by a call with arguments `code` change what v was read
 * from, by what the borrow is (see invalidate_borrowed)? */
static bool code_may_change(const struct state *s, val_t v, const struct call_args *code)
{
	val_t base;
	if (s->vals[v].flags & VF_PRIVATE_ITEM) {
		/* self->stack->data[i]: given the array's object (stack) or the
		 * object that object was read from (self). */
		val_t obj = s->vals[v].owner, from = VAL_NONE;
		field_borrow(s, obj, &from);
		return call_reaches(code, obj, from);
	}
	if (field_borrow(s, v, &base))
		return call_reaches(code, v, base);
	return true;
}

/* Invalidate what was borrowed from owner (VAL_NONE: code run by a call,
 * `code` its arguments). Code run by a call can change what a container
 * lends (a dict's value, a list's item) or a global; an object's field
 * only when the call is given the object or the value itself (a callback
 * that replaces itself), an element of an array an object holds privately
 * only when the call is given that object: C code keeps the fields of its
 * objects to itself
 * (the real-world triage found field borrows across unrelated calls to be
 * nearly all false positives). */
static void invalidate_borrowed(struct engine_ctx *ctx, val_t owner, const char *by,
                                const struct call_args *code)
{
	struct state *s = ctx->cur;
	for (val_t v = 1; v < s->nvals; v++) {
		struct aval *a = &s->vals[v];
		if (!a->is_obj || a->owned > 0 || (a->flags & VF_INVALID))
			continue;
		bool from_container = a->origin == ORIG_BORROWED || a->origin == ORIG_LOAD;
		if (!from_container)
			continue;
		if (owner != VAL_NONE ? !owned_by(ctx->cur, v, owner) : a->owner == VAL_NONE)
			continue;
		/* Code run by a call cannot free what a stable borrow hangs on;
		 * only its owner's release or mutation can. */
		if (owner == VAL_NONE && (a->flags & VF_STABLE))
			continue;
		if (code && !code_may_change(s, v, code))
			continue;
		a->flags |= VF_INVALID;
		a->changed = ctx->cur_point;
		a->invalidator = by;
	}
}

/* A use that would crash on NULL: the paths that go on past it had a
 * pointer, so a NULL result is reported once, at its first such use. */
static void assume_nonnull(struct engine_ctx *ctx, val_t v)
{
	struct aval *a = state_val(ctx->cur, v);
	if (!engine_val_is_null(a))
		eval_restrict(ctx, v, INT64_MIN, INT64_MAX, true);
}

static void do_incref(struct engine_ctx *ctx, val_t v, bool x, const struct ir_stmt *st,
                      const struct model_fn *m, uint32_t argno)
{
	struct aval *a = state_val(ctx->cur, v);
	if (!a->is_obj) {
		a->is_obj = true;
		a->origin = ORIG_UNKNOWN;
	}
	engine_emit(ctx, EV_USE, v, *stmt_loc(st), st, m, argno, x ? USE_ARG : USE_INCREF);
	if (!x)
		assume_nonnull(ctx, v);
	a = state_val(ctx->cur, v);
	if (engine_val_is_null(a))
		return;
	a->owned++;
	if (a->owned >= 0)
		a->stolen_unowned = 0;
}

static void do_decref(struct engine_ctx *ctx, val_t v, bool x, const struct ir_stmt *st,
                      const struct model_fn *m, uint32_t argno)
{
	struct aval *a = state_val(ctx->cur, v);
	if (!a->is_obj) {
		a->is_obj = true;
		a->origin = ORIG_UNKNOWN;
	}
	if (!x) {
		engine_emit(ctx, EV_USE, v, *stmt_loc(st), st, m, argno, USE_RELEASE);
		assume_nonnull(ctx, v);
	}
	a = state_val(ctx->cur, v);
	if (engine_val_is_null(a))
		return;
	engine_emit(ctx, EV_RELEASE, v, *stmt_loc(st), st, m, argno, 0);
	a = state_val(ctx->cur, v);
	int32_t before = a->owned;
	a->owned--;
	if (before == 1 && a->origin == ORIG_NEW) {
		a->flags |= VF_RELEASED;
		a->changed = ctx->cur_point;
		/* Whatever was borrowed from it may be gone with it. */
		invalidate_borrowed(ctx, v, NULL, NULL);
	} else if ((before <= 0 || (before == 1 && (a->flags & VF_TAKEN))) &&
	           !(a->flags & VF_RELEASED)) {
		/* A reference someone else owned (a field's, the caller's) was
		 * released: the object may be gone, and so may what was borrowed
		 * from it. Using it again is a dangling use. */
		a->changed = ctx->cur_point;
		if (a->origin != ORIG_NEW && a->origin != ORIG_SINGLETON) {
			a->flags |= VF_INVALID;
			a->invalidator = st->call.macro ? st->call.macro : st->call.callee;
		}
		invalidate_borrowed(ctx, v, NULL, NULL);
	}
}

static void do_steal(struct engine_ctx *ctx, val_t v, const struct ir_stmt *st,
                     const struct model_fn *m, uint32_t argno)
{
	struct aval *a = state_val(ctx->cur, v);
	if (!a->is_obj || engine_val_is_null(a))
		return;
	engine_emit(ctx, EV_USE, v, *stmt_loc(st), st, m, argno, USE_STORE);
	a = state_val(ctx->cur, v);
	/* An element read at a variable index and stolen is moved out of an
	 * array whose size the code then lowers (popping a stack): not a debt. */
	bool moved = engine_val_is_element(ctx, v);
	if (a->owned <= 0 && !a->stolen_unowned && !moved)
		a->stolen_unowned = ctx->cur_point;
	a->owned--;
	a->flags |= VF_HANDED;
	a->changed = ctx->cur_point;
}

/* The argument's lvalue behind &x, or NULL. */
static const struct ir_expr *out_target(const struct ir_stmt *st, uint32_t i)
{
	if (i >= st->call.nargs)
		return NULL;
	const struct ir_expr *e = st->call.args[i];
	return e->kind == IR_E_ADDR ? e->u.unary.operand : NULL;
}

static val_t first_obj_arg(struct engine_ctx *ctx, const struct call_args *a)
{
	for (uint32_t i = 0; i < a->n; i++)
		if (arg_is_obj(ctx, a, i))
			return a->vals[i].v;
	return VAL_NONE;
}

static val_t borrowed_owner(struct engine_ctx *ctx, const struct model_fn *m,
                            const struct call_args *a)
{
	if (m->borrowed_from && m->borrowed_from <= a->n && !a->vals[m->borrowed_from - 1].is_const)
		return a->vals[m->borrowed_from - 1].v;
	return first_obj_arg(ctx, a);
}

/* A new value produced by the call: a result or an out-parameter.
 * origin is ORIG_NEW (owned), ORIG_BORROWED, or ORIG_LOAD (a field read by
 * an accessor, MODEL_RET_FIELD); `stable` marks a borrow no code can free.
 * Its nullness is unknown: a NULL is a failure (VF_MAYFAIL, checked before
 * use) only when the model says the call fails with NULL; otherwise NULL is
 * an ordinary answer (PyErr_Occurred) and both outcomes stay possible. */
static val_t produce(struct engine_ctx *ctx, const struct model_fn *m, const struct ir_stmt *st,
                     uint8_t origin, val_t owner, bool failure_is_null, bool stable)
{
	bool is_new = origin == ORIG_NEW;
	val_t v = state_new_val(ctx->cur);
	struct aval *a = state_val(ctx->cur, v);
	a->is_obj = true;
	a->origin = origin;
	a->owned = is_new ? 1 : 0;
	a->owner = is_new ? VAL_NONE : owner;
	if (!is_new && stable)
		a->flags |= VF_STABLE;
	a->acquired = ctx->cur_point;
	a->callee = st->call.callee ? st->call.callee : (st->call.macro ? st->call.macro : NULL);
	if (m->source == MODEL_SRC_DEFAULT)
		a->flags |= VF_ASSUMED;
	if (failure_is_null && m->source != MODEL_SRC_DEFAULT)
		a->flags |= VF_MAYFAIL;
	return v;
}

static void set_out_params(struct engine_ctx *ctx, const struct ir_stmt *st,
                           const struct model_fn *m, const struct call_args *a)
{
	uint32_t borrowed = m->out_borrowed | a->format_borrow_out;
	for (uint32_t i = 0; i < st->call.nargs && i < 32; i++) {
		uint32_t bit = 1u << i;
		if (!((m->out_new | borrowed) & bit))
			continue;
		const struct ir_expr *target = out_target(st, i);
		if (!target)
			continue;
		bool is_new = (m->out_new & bit) != 0;
		/* What a format parse stores is borrowed from the argument tuple,
		 * which its caller holds and nobody can change: stable. */
		bool stable = m->stable || (a->format_borrow_out & bit);
		/* An out-parameter may be left NULL (PyErr_Fetch, optional args):
		 * that is not a failure. */
		val_t v = produce(ctx, m, st, is_new ? ORIG_NEW : ORIG_BORROWED,
		                  is_new ? VAL_NONE : first_obj_arg(ctx, a), false, stable);
		eval_store(ctx, target, (struct sval){ v, false, 0 }, st->loc, st);
	}
}

/* &x passed to a function that does not describe it: x may change. On the
 * failure outcome the described out-parameters may have been written too
 * (many callees reset them to NULL), so they are unknown there as well,
 * and may be NULL. */
static void clobber_unknown_out(struct engine_ctx *ctx, const struct ir_stmt *st,
                                const struct model_fn *m, const struct call_args *a, bool failed)
{
	uint32_t described = failed ? 0 : m->out_new | m->out_borrowed | a->format_borrow_out;
	for (uint32_t i = 0; i < st->call.nargs; i++) {
		if (i < 32 && (described & (1u << i)))
			continue;
		const struct ir_expr *target = out_target(st, i);
		if (!target || target->kind != IR_E_VAR || target->u.var >= ctx->cur->nvars)
			continue;
		val_t old = ctx->cur->vars[target->u.var];
		if (old) {
			/* The callee may have taken or replaced the reference. */
			struct aval *o = state_val(ctx->cur, old);
			if (o->owned > 0)
				o->owned = 0;
		}
		val_t v = state_new_val(ctx->cur);
		struct aval *nv = state_val(ctx->cur, v);
		const struct ir_type *ty = ctx->fn->vars[target->u.var].ty;
		nv->is_obj = ty && ty->obj_depth == 1;
		nv->origin = nv->is_obj ? ORIG_UNKNOWN : ORIG_NONE;
		nv->acquired = ctx->cur_point;
		nv->name = target->u.var + 1;
		/* A new reference promised only on success is, on failure, NULL
		 * or never written: using it before a check is the caller's bug,
		 * as for a result that fails with NULL. */
		if (failed && nv->is_obj && i < 32 && (m->out_new & (1u << i)) &&
		    m->source != MODEL_SRC_DEFAULT) {
			nv->flags |= VF_MAYFAIL;
			nv->callee = st->call.callee;
		}
		ctx->cur->vars[target->u.var] = v;
	}
}

/* Success and failure ranges of an integer result. */
static void outcome_range(const struct model_fn *m, bool success, int64_t *lo, int64_t *hi, bool *ne0)
{
	*ne0 = false;
	if (m->fails == MODEL_FAILS_NEGATIVE) {
		if (success && m->has_success_range) {
			*lo = m->success_lo < 0 ? 0 : m->success_lo;
			*hi = m->success_hi;
		} else if (success) {
			*lo = 0;
			*hi = INT64_MAX;
		} else if (m->has_success_range && m->success_lo > 0) {
			/* Below the success range, non-negative results (0 for "not
			 * found" when 1 is success) are outcomes without the effects. */
			*lo = m->fails_minus_one ? -1 : INT64_MIN;
			*hi = m->success_lo - 1;
		} else {
			*lo = m->fails_minus_one ? -1 : INT64_MIN;
			*hi = -1;
		}
	} else if (m->fails == MODEL_FAILS_ZERO) {
		*lo = success ? INT64_MIN : 0;
		*hi = success ? INT64_MAX : 0;
		*ne0 = success;
	} else {
		*lo = INT64_MIN;
		*hi = INT64_MAX;
	}
}

/* Effects that happen only on success (a conditional steal, out-parameters
 * filled) fork the call when the failure value is known. */
static bool has_outcome_effects(const struct model_fn *m, const struct call_args *a)
{
	return (m->steals_on_success || m->out_new || m->out_borrowed || a->format_borrow_out) &&
	       (m->fails == MODEL_FAILS_NEGATIVE || m->fails == MODEL_FAILS_NULL ||
	        m->fails == MODEL_FAILS_ZERO);
}

/* Does an argument the call needs non-zero to succeed hold zero (a
 * constant, or a value known NULL)? Then only its failure can happen. */
static bool can_succeed(struct engine_ctx *ctx, const struct model_fn *m, const struct call_args *a)
{
	for (uint32_t i = 0; i < a->n && i < 32; i++) {
		if (!(m->success_needs_nonzero & (1u << i)))
			continue;
		const struct sval *v = &a->vals[i];
		if (v->is_const ? v->c == 0 : engine_val_is_null(state_val(ctx->cur, v->v)))
			return false;
	}
	return true;
}

static const struct model_fn *callee_model(struct engine_ctx *ctx, const struct ir_stmt *st)
{
	static const struct model_fn indirect = { .name = NULL, .source = MODEL_SRC_DEFAULT };
	if (!st->call.callee)
		return &indirect;
	return model_tu_lookup(ctx->model, st->call.callee);
}

static bool result_is_obj(struct engine_ctx *ctx, const struct ir_stmt *st, const struct model_fn *m)
{
	(void)ctx;
	if (m->returns == MODEL_RET_NEW || m->returns == MODEL_RET_BORROWED ||
	    m->returns == MODEL_RET_FIELD || m->returns == MODEL_RET_OPAQUE)
		return true;
	if (m->returns == MODEL_RET_NONE)
		return false;
	return st->dst && st->dst->ty && st->dst->ty->obj_depth == 1;
}

/* The result of an ordinary call, stored to st->dst (or dropped). */
static void bind_result(struct engine_ctx *ctx, const struct ir_stmt *st, const struct model_fn *m,
                        const struct call_args *a, int outcome)
{
	struct sval r = { VAL_NONE, false, 0 };
	if (m->returns == MODEL_RET_NULL) {
		r.is_const = true;      /* an error setter: the result is NULL */
	} else if (result_is_obj(ctx, st, m)) {
		uint8_t origin = m->returns == MODEL_RET_BORROWED ? ORIG_BORROWED
		               : m->returns == MODEL_RET_FIELD ? ORIG_LOAD
		               : m->returns == MODEL_RET_OPAQUE ? ORIG_UNKNOWN : ORIG_NEW;
		bool borrowed = origin == ORIG_BORROWED || origin == ORIG_LOAD;
		r.v = produce(ctx, m, st, origin, borrowed ? borrowed_owner(ctx, m, a) : VAL_NONE,
		              m->fails == MODEL_FAILS_NULL, m->stable);
		if (outcome >= 0 && m->fails == MODEL_FAILS_NULL) {
			if (outcome)
				eval_restrict(ctx, r.v, INT64_MIN, INT64_MAX, true);
			else
				eval_make_null(ctx, r.v);
		}
	} else if (st->dst || outcome >= 0) {
		r.v = state_new_val(ctx->cur);
		state_val(ctx->cur, r.v)->acquired = ctx->cur_point;
		state_val(ctx->cur, r.v)->callee = st->call.callee;
		if (outcome >= 0) {
			int64_t lo, hi;
			bool ne0;
			outcome_range(m, outcome == 1, &lo, &hi, &ne0);
			eval_restrict(ctx, r.v, lo, hi, ne0);
		}
	} else {
		return;
	}
	if (st->dst)
		eval_store(ctx, st->dst, r, st->loc, st);
	else if (!r.is_const)
		engine_check_lost(ctx, r.v, st->loc, LOST_DISCARD, UINT32_MAX);
}

/* In-out arguments (model_fn.out_replaces): the reference *p held is
 * consumed; on failure *p becomes NULL (on success set_out_params stores
 * the new one). */
static void replace_in_out(struct engine_ctx *ctx, const struct ir_stmt *st, const struct model_fn *m,
                           int outcome)
{
	for (uint32_t i = 0; i < st->call.nargs && i < 32; i++) {
		const struct ir_expr *target = out_target(st, i);
		if (!(m->out_replaces & (1u << i)) || !target)
			continue;
		struct sval old = eval_expr(ctx, target);
		if (!old.is_const && state_val(ctx->cur, old.v)->is_obj)
			do_steal(ctx, old.v, st, m, i + 1);
		if (outcome == 0)
			eval_store(ctx, target, (struct sval){ VAL_NONE, true, 0 }, st->loc, st);
	}
}

/* outcome: -1 no fork, 1 success, 0 failure. */
static void apply_effects(struct engine_ctx *ctx, const struct ir_stmt *st, const struct model_fn *m,
                          const struct call_args *a, int outcome)
{
	if (m->out_replaces)
		replace_in_out(ctx, st, m, outcome);
	uint32_t steals = m->steals | a->format_steals;
	if (outcome != 0)
		steals |= m->steals_on_success;
	for (uint32_t i = 0; i < a->n && i < 32; i++)
		if ((steals & (1u << i)) && arg_is_obj(ctx, a, i))
			do_steal(ctx, a->vals[i].v, st, m, i + 1);
	/* The call has used and taken its arguments; what it runs or changes
	 * invalidates the borrowed references the caller still holds (and the
	 * summary of this function learns it). */
	if (m->runs_code) {
		invalidate_borrowed(ctx, VAL_NONE, st->call.callee, a);
		ctx->calls_runs_code = true;
		/* Code run on a parameter may change it: the summary says this
		 * function mutates that parameter (rc_list_clear(list) in a
		 * helper invalidates what its caller borrowed from list). */
		for (uint32_t i = 0; i < a->n; i++) {
			uint32_t p = a->vals[i].is_const ? 0 : state_val(ctx->cur, a->vals[i].v)->param;
			if (p && p <= 32 && arg_is_obj(ctx, a, i))
				ctx->mutated_params |= 1u << (p - 1);
		}
	}
	/* Functions nobody describes, and those that run code, may write any
	 * memory: forget what was loaded (after the steals above looked at
	 * it). Described API calls keep the memo. */
	if (m->source == MODEL_SRC_DEFAULT || m->source == MODEL_SRC_INFERRED || m->runs_code)
		state_memo_forget(ctx->cur, NULL);
	for (uint32_t i = 0; i < a->n && i < 32; i++) {
		if (!(m->mutates & (1u << i)) || a->vals[i].is_const)
			continue;
		invalidate_borrowed(ctx, a->vals[i].v, st->call.callee, NULL);
		uint32_t p = state_val(ctx->cur, a->vals[i].v)->param;
		if (p && p <= 32)
			ctx->mutated_params |= 1u << (p - 1);
	}
	if (outcome != 0)
		set_out_params(ctx, st, m, a);
	clobber_unknown_out(ctx, st, m, a, outcome == 0);
	bind_result(ctx, st, m, a, outcome);
}

static void exec_primitive(struct engine_ctx *ctx, const struct ir_stmt *st, const struct model_fn *m,
                           const struct call_args *a)
{
	uint32_t k = m->prim_arg ? m->prim_arg - 1u : 0;
	/* Under Py_REF_DEBUG-like builds the object is not the first argument:
	 * take the first object argument when the named one is not. */
	if (!arg_is_obj(ctx, a, k)) {
		for (uint32_t i = 0; i < a->n; i++) {
			if (arg_is_obj(ctx, a, i)) {
				k = i;
				break;
			}
		}
	}
	if (k >= a->n)
		return;
	struct sval arg = a->vals[k];
	if (arg.is_const) {
		if (st->dst)
			eval_store(ctx, st->dst, arg, st->loc, st);
		return;
	}
	switch (m->prim) {
	case MODEL_PRIM_INCREF: do_incref(ctx, arg.v, false, st, m, k + 1); break;
	case MODEL_PRIM_XINCREF: do_incref(ctx, arg.v, true, st, m, k + 1); break;
	case MODEL_PRIM_DECREF: do_decref(ctx, arg.v, false, st, m, k + 1); break;
	case MODEL_PRIM_XDECREF: do_decref(ctx, arg.v, true, st, m, k + 1); break;
	case MODEL_PRIM_NEWREF: do_incref(ctx, arg.v, false, st, m, k + 1); break;
	case MODEL_PRIM_XNEWREF: do_incref(ctx, arg.v, true, st, m, k + 1); break;
	default: break;
	}
	if (st->dst)
		eval_store(ctx, st->dst, arg, st->loc, st);
}

static void emit_arg_uses(struct engine_ctx *ctx, const struct ir_stmt *st, const struct model_fn *m,
                          const struct call_args *a)
{
	for (uint32_t i = 0; i < a->n; i++) {
		if (!arg_is_obj(ctx, a, i))
			continue;
		bool nonnull = i < 32 && (m->nonnull & (1u << i));
		engine_emit(ctx, EV_USE, a->vals[i].v, st->loc, st, m, i + 1,
		            nonnull ? USE_ARG_NONNULL : USE_ARG);
		/* As past a dereference: a path that goes on after NULL was
		 * passed where it is not allowed has its first finding already. */
		struct aval *v = state_val(ctx->cur, a->vals[i].v);
		if (nonnull && !engine_val_is_null(v)) {
			v->ne0 = true;
			v->flags &= (uint16_t)~VF_MAYFAIL;
			if (v->lo == 0)
				v->lo = 1;
		}
	}
}

/* The values the call stored through its null-linked out-parameters
 * (model_fn.null_anchor): NULL together, or the anchor non-NULL. */
static void settle_null_linked(struct engine_ctx *ctx, const struct ir_stmt *st,
                               const struct model_fn *m, bool null)
{
	uint32_t anchor = 1u << (m->null_anchor - 1);
	for (uint32_t i = 0; i < st->call.nargs && i < 32; i++) {
		uint32_t bit = 1u << i;
		if (!((m->out_null_with | anchor) & bit) || (!null && bit != anchor))
			continue;
		const struct ir_expr *target = out_target(st, i);
		if (!target)
			continue;
		struct sval v = eval_expr(ctx, target);
		if (v.is_const)
			continue;
		if (null)
			eval_make_null(ctx, v.v);
		else
			eval_restrict(ctx, v.v, INT64_MIN, INT64_MAX, true);
	}
}

/* Fork every outcome of the call (the current state and *forks) in two:
 * the anchor out-parameter NULL with those linked to it, or set. */
static void fork_null_linked(struct engine_ctx *ctx, const struct ir_stmt *st,
                             const struct model_fn *m, struct state ***forks, uint32_t *nforks)
{
	if (!m->null_anchor || !out_target(st, m->null_anchor - 1))
		return;
	uint32_t n = *nforks;
	struct state *cur = ctx->cur;
	struct state **all = xmalloc(sizeof(struct state *) * (2 * n + 1));
	for (uint32_t k = 0; k <= n; k++) {
		struct state *s = k < n ? (*forks)[k] : cur;
		struct state *null = state_copy(s);
		ctx->cur = null;
		settle_null_linked(ctx, st, m, true);
		ctx->cur = s;
		settle_null_linked(ctx, st, m, false);
		if (k < n)
			all[k] = s;
		all[n + k] = null;
	}
	ctx->cur = cur;
	free(*forks);
	*forks = all;
	*nforks = 2 * n + 1;
}

/* refcheck_debug_state(x): print the engine's belief about x (refcheck_debug.h). */
static void debug_state(struct engine_ctx *ctx, const struct ir_stmt *st, const struct call_args *a)
{
	static const char *const origins[] = {
		"not an object", "new", "borrowed", "a parameter", "loaded from memory",
		"a static object", "unknown"
	};
	struct strbuf sb = STRBUF_INIT;
	for (uint32_t i = 0; i < a->n; i++) {
		sb_reset(&sb);
		eval_expr_text(ctx, st->call.args[i], &sb);
		sb_add(&sb, ": ");
		if (a->vals[i].is_const) {
			sb_printf(&sb, "constant %lld", (long long)a->vals[i].c);
		} else {
			const struct aval *v = state_val(ctx->cur, a->vals[i].v);
			if (v->is_obj) {
				sb_printf(&sb, "object, %s", origins[v->origin < 7 ? v->origin : 6]);
				if (v->callee)
					sb_printf(&sb, " from %s", v->callee);
				sb_printf(&sb, ", owned %d", v->owned);
			} else {
				sb_add(&sb, "value");
			}
			sb_add(&sb, engine_val_is_null(v) ? ", NULL" : engine_val_is_nonnull(v) ? ", not NULL"
			                                                                       : ", maybe NULL");
			if (v->flags & VF_RELEASED)
				sb_add(&sb, ", released");
			if (v->flags & VF_INVALID)
				sb_add(&sb, ", invalidated");
			if (v->flags & VF_HANDED)
				sb_add(&sb, ", handed over");
		}
		fprintf(stderr, "%s:%u:%u: debug: %s\n", ir_file_name(ctx->tu, st->loc.file), st->loc.line,
		        st->loc.col, sb_str(&sb));
	}
	sb_dispose(&sb);
}

void call_exec(struct engine_ctx *ctx, const struct ir_stmt *st, struct state ***forks,
               uint32_t *nforks)
{
	*nforks = 0;
	const struct model_fn *m = callee_model(ctx, st);
	if (st->call.fn)
		eval_uses(ctx, st->call.fn, st->loc);
	struct call_args a = { 0 };
	struct sval stack_vals[16];
	a.n = st->call.nargs;
	a.vals = a.n <= 16 ? stack_vals : xmalloc(sizeof(struct sval) * a.n);
	for (uint32_t i = 0; i < a.n; i++) {
		eval_uses(ctx, st->call.args[i], st->loc);
		a.vals[i] = eval_expr(ctx, st->call.args[i]);
	}
	if (m->prim) {
		exec_primitive(ctx, st, m, &a);
		goto out;
	}
	if (st->call.callee && strcmp(st->call.callee, "refcheck_debug_state") == 0) {
		debug_state(ctx, st, &a);
		goto out;
	}
	if (!m->prim && !m->trusted)
		emit_arg_uses(ctx, st, m, &a);
	if (m->noreturn || st->call.noreturn) {
		ctx->path_dead = true;
		goto out;
	}
	format_effects(ctx, st, m, &a);
	if (has_outcome_effects(m, &a) && !can_succeed(ctx, m, &a)) {
		apply_effects(ctx, st, m, &a, 0);
	} else if (has_outcome_effects(m, &a)) {
		struct state *fail = state_copy(ctx->cur);
		struct state *succ = ctx->cur;
		ctx->cur = fail;
		apply_effects(ctx, st, m, &a, 0);
		ctx->cur = succ;
		apply_effects(ctx, st, m, &a, 1);
		*forks = xmalloc(sizeof(struct state *));
		(*forks)[0] = fail;
		*nforks = 1;
	} else {
		apply_effects(ctx, st, m, &a, -1);
	}
	fork_null_linked(ctx, st, m, forks, nforks);
out:
	if (a.vals != stack_vals)
		free(a.vals);
}

/*
 * eval.c — expressions over the abstract state: reading a value, the uses
 * hidden in an expression (dereferences), stores and what they hand over,
 * and branch conditions that refine the state.
 *
 * Loads from memory (fields, globals, dereferences, constant indexes) are
 * memoised per base value and name, so that reading `self->x` twice yields
 * one value until something may have written it; a store updates the memo
 * and forgets loads of the same name through other bases (they may alias).
 */
#include "engine/engine_internal.h"

#include <string.h>

static struct sval sv_const(int64_t c)
{
	return (struct sval){ VAL_NONE, true, c };
}

static struct sval sv_val(val_t v)
{
	return (struct sval){ v, false, 0 };
}

static bool ty_is_obj(const struct ir_type *t)
{
	return t && t->obj_depth == 1 && t->cls != IR_TY_ARRAY;
}

/* A fresh value for an expression of type ty. */
static val_t fresh(struct engine_ctx *ctx, const struct ir_type *ty, uint8_t origin)
{
	val_t v = state_new_val(ctx->cur);
	struct aval *a = state_val(ctx->cur, v);
	a->acquired = ctx->cur_point;
	if (ty_is_obj(ty)) {
		a->is_obj = true;
		a->origin = origin;
	}
	return v;
}

val_t eval_to_val(struct engine_ctx *ctx, const struct ir_expr *e)
{
	struct sval s = eval_expr(ctx, e);
	if (!s.is_const)
		return s.v;
	val_t v = fresh(ctx, e->ty, ORIG_NONE);
	struct aval *a = state_val(ctx->cur, v);
	a->lo = a->hi = s.c;
	a->ne0 = s.c != 0;
	return v;
}

static struct sval eval_var(struct engine_ctx *ctx, const struct ir_expr *e)
{
	uint32_t i = e->u.var;
	if (i >= ctx->cur->nvars)
		return sv_val(fresh(ctx, e->ty, ORIG_UNKNOWN));
	if (!ctx->cur->vars[i]) {
		const struct ir_var *var = &ctx->fn->vars[i];
		uint8_t origin = var->kind == IR_VAR_STATIC ? ORIG_LOAD : ORIG_UNKNOWN;
		val_t v = fresh(ctx, var->ty, origin);
		state_val(ctx->cur, v)->name = var->kind == IR_VAR_TEMP ? 0 : i + 1;
		ctx->cur->vars[i] = v;
	}
	return sv_val(ctx->cur->vars[i]);
}

/* Is e memory of the function's own: a local array or struct variable, or
 * a member or element of one (`stack[0]`, `state.set`)? What is stored
 * there stays the function's business, unlike memory behind a pointer. */
static bool is_local_memory(const struct engine_ctx *ctx, const struct ir_expr *e)
{
	for (;;) {
		if (e->kind == IR_E_FIELD && !e->u.field.arrow)
			e = e->u.field.base;
		else if (e->kind == IR_E_INDEX && e->u.binary.l->kind == IR_E_VAR)
			e = e->u.binary.l;
		else
			break;
	}
	if (e->kind != IR_E_VAR)
		return false;
	const struct ir_var *v = &ctx->fn->vars[e->u.var];
	return v->kind == IR_VAR_LOCAL && v->ty &&
	       (v->ty->cls == IR_TY_ARRAY || v->ty->cls == IR_TY_RECORD);
}

/* A load of base.name[index], memoised. What the function's own memory
 * holds, when nothing says what, is of unknown origin rather than a
 * reference some object owns: moving it out (a steal, a return) or
 * releasing it is not someone else's reference taken. */
static struct sval eval_load(struct engine_ctx *ctx, const struct ir_expr *e, val_t base,
                             const char *name, int64_t index)
{
	val_t v = state_memo_get(ctx->cur, base, name, index);
	if (v)
		return sv_val(v);
	v = fresh(ctx, e->ty, is_local_memory(ctx, e) ? ORIG_UNKNOWN : ORIG_LOAD);
	state_val(ctx->cur, v)->owner = base;
	state_memo_put(ctx->cur, base, name, index, v, false);
	return sv_val(v);
}

#define MEMO_ADDR_INDEX (INT64_MIN + 1)

/* The object an array value belongs to: an array field read from an
 * object (list->ob_item) belongs to that object; any other base is its own. */
static val_t container_of(struct engine_ctx *ctx, val_t base)
{
	const struct aval *a = state_val(ctx->cur, base);
	if (!a->is_obj && a->origin == ORIG_NONE && a->owner != VAL_NONE &&
	    state_val(ctx->cur, a->owner)->is_obj)
		return a->owner;
	return base;
}

/* Is arr an array field of an object (obj->items) that the pack does not
 * call shared? Its elements change only by code that is given obj. */
static bool is_private_array(const struct engine_ctx *ctx, const struct ir_expr *arr)
{
	if (arr->kind != IR_E_FIELD || !arr->u.field.arrow)
		return false;
	const struct ir_type *bt = arr->u.field.base->ty;
	return bt && bt->record &&
	       !model_field_is(model_tu_model(ctx->model), bt->record, arr->u.field.name,
	                       MODEL_FIELD_SHARED_ARRAY);
}

static struct sval eval_addr(struct engine_ctx *ctx, const struct ir_expr *e)
{
	const struct ir_expr *op = e->u.unary.operand;
	if (op->kind == IR_E_GLOBAL && ty_is_obj(e->ty)) {
		/* &static_object: a borrowed reference to an object that never dies. */
		val_t v = state_memo_get(ctx->cur, VAL_NONE, op->u.name, MEMO_ADDR_INDEX);
		if (!v) {
			v = fresh(ctx, e->ty, ORIG_SINGLETON);
			struct aval *a = state_val(ctx->cur, v);
			a->ne0 = true;
			a->lo = 1;
			a->callee = op->u.name;
			state_memo_put(ctx->cur, VAL_NONE, op->u.name, MEMO_ADDR_INDEX, v, false);
		}
		return sv_val(v);
	}
	/* &obj->ob_base: the address of the object header a type embeds is
	 * the object itself. */
	if (op->kind == IR_E_FIELD && op->u.field.arrow && ty_is_obj(e->ty) &&
	    ty_is_obj(op->u.field.base->ty))
		return eval_expr(ctx, op->u.field.base);
	/* Taking an address does not read the object; but &p->x needs p. */
	if (op->kind == IR_E_FIELD && op->u.field.arrow)
		(void)eval_expr(ctx, op->u.field.base);
	val_t v = fresh(ctx, e->ty, ORIG_UNKNOWN);
	state_val(ctx->cur, v)->ne0 = true;
	return sv_val(v);
}

static bool fold_binary(enum ir_op op, int64_t a, int64_t b, int64_t *out)
{
	uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
	switch (op) {
	case IR_OP_ADD: *out = (int64_t)(ua + ub); return true;
	case IR_OP_SUB: *out = (int64_t)(ua - ub); return true;
	case IR_OP_MUL: *out = (int64_t)(ua * ub); return true;
	case IR_OP_DIV: if (b == 0 || (a == INT64_MIN && b == -1)) return false; *out = a / b; return true;
	case IR_OP_REM: if (b == 0 || (a == INT64_MIN && b == -1)) return false; *out = a % b; return true;
	case IR_OP_SHL: if (b < 0 || b > 63) return false; *out = (int64_t)(ua << b); return true;
	case IR_OP_SHR: if (b < 0 || b > 63) return false; *out = a >> b; return true;
	case IR_OP_BITAND: *out = a & b; return true;
	case IR_OP_BITOR: *out = a | b; return true;
	case IR_OP_BITXOR: *out = a ^ b; return true;
	case IR_OP_EQ: *out = a == b; return true;
	case IR_OP_NE: *out = a != b; return true;
	case IR_OP_LT: *out = a < b; return true;
	case IR_OP_LE: *out = a <= b; return true;
	case IR_OP_GT: *out = a > b; return true;
	case IR_OP_GE: *out = a >= b; return true;
	default: return false;
	}
}

static bool is_compare(enum ir_op op)
{
	return op >= IR_OP_EQ && op <= IR_OP_GE;
}

/* Decide `v op c` from what the state knows of v: 1 true, 0 false, -1 unknown. */
static int decide(const struct aval *a, enum ir_op op, int64_t c)
{
	bool can_true, can_false;
	switch (op) {
	case IR_OP_EQ:
		can_true = a->lo <= c && c <= a->hi && !(c == 0 && a->ne0);
		can_false = !(a->lo == c && a->hi == c);
		break;
	case IR_OP_NE:
		can_false = a->lo <= c && c <= a->hi && !(c == 0 && a->ne0);
		can_true = !(a->lo == c && a->hi == c);
		break;
	case IR_OP_LT: can_true = a->lo < c; can_false = a->hi >= c; break;
	case IR_OP_LE: can_true = a->lo <= c; can_false = a->hi > c; break;
	case IR_OP_GT: can_true = a->hi > c; can_false = a->lo <= c; break;
	case IR_OP_GE: can_true = a->hi >= c; can_false = a->lo < c; break;
	default: return -1;
	}
	if (can_true && !can_false)
		return 1;
	if (can_false && !can_true)
		return 0;
	return -1;
}

static enum ir_op swap_op(enum ir_op op)
{
	switch (op) {
	case IR_OP_LT: return IR_OP_GT;
	case IR_OP_LE: return IR_OP_GE;
	case IR_OP_GT: return IR_OP_LT;
	case IR_OP_GE: return IR_OP_LE;
	default: return op;
	}
}

static struct sval eval_binary(struct engine_ctx *ctx, const struct ir_expr *e)
{
	struct sval l = eval_expr(ctx, e->u.binary.l);
	struct sval r = eval_expr(ctx, e->u.binary.r);
	enum ir_op op = e->u.binary.op;
	int64_t out;
	if (l.is_const && r.is_const && fold_binary(op, l.c, r.c, &out))
		return sv_const(out);
	if (is_compare(op)) {
		if (!l.is_const && !r.is_const && l.v == r.v &&
		    (op == IR_OP_EQ || op == IR_OP_NE || op == IR_OP_LE || op == IR_OP_GE))
			return sv_const(op != IR_OP_NE);
		if (l.is_const != r.is_const) {
			const struct aval *a = state_val(ctx->cur, l.is_const ? r.v : l.v);
			int d = decide(a, l.is_const ? swap_op(op) : op, l.is_const ? l.c : r.c);
			if (d >= 0)
				return sv_const(d);
		}
		val_t v = fresh(ctx, e->ty, ORIG_NONE);
		state_val(ctx->cur, v)->lo = 0;
		state_val(ctx->cur, v)->hi = 1;
		return sv_val(v);
	}
	return sv_val(fresh(ctx, e->ty, ORIG_NONE));
}

static struct sval eval_unary(struct engine_ctx *ctx, const struct ir_expr *e)
{
	struct sval s = eval_expr(ctx, e->u.unary.operand);
	enum ir_op op = e->u.unary.op;
	if (s.is_const) {
		switch (op) {
		case IR_OP_NOT: return sv_const(!s.c);
		case IR_OP_NEG: return sv_const((int64_t)(0 - (uint64_t)s.c));
		case IR_OP_BITNOT: return sv_const(~s.c);
		default: return s;
		}
	}
	if (op == IR_OP_PLUS)
		return s;
	if (op == IR_OP_NOT) {
		int d = decide(state_val(ctx->cur, s.v), IR_OP_EQ, 0);
		if (d >= 0)
			return sv_const(d);
		val_t v = fresh(ctx, e->ty, ORIG_NONE);
		state_val(ctx->cur, v)->lo = 0;
		state_val(ctx->cur, v)->hi = 1;
		return sv_val(v);
	}
	return sv_val(fresh(ctx, e->ty, ORIG_NONE));
}

struct sval eval_expr(struct engine_ctx *ctx, const struct ir_expr *e)
{
	if (!e)
		return sv_val(fresh(ctx, NULL, ORIG_NONE));
	switch (e->kind) {
	case IR_E_VAR:
		return eval_var(ctx, e);
	case IR_E_INT:
		return sv_const(e->u.ival);
	case IR_E_NULL:
		return sv_const(0);
	case IR_E_STR:
	case IR_E_FUNC: {
		val_t v = fresh(ctx, e->ty, ORIG_NONE);
		state_val(ctx->cur, v)->ne0 = true;
		return sv_val(v);
	}
	case IR_E_GLOBAL:
		return eval_load(ctx, e, VAL_NONE, e->u.name, MEMO_NO_INDEX);
	case IR_E_FIELD: {
		struct sval b = eval_expr(ctx, e->u.field.base);
		if (b.is_const)
			return sv_val(fresh(ctx, e->ty, ORIG_LOAD));
		struct sval r = eval_load(ctx, e, b.v, e->u.field.name, MEMO_NO_INDEX);
		const struct ir_type *bt = e->u.field.base->ty;
		if (bt && model_field_is(model_tu_model(ctx->model), bt->record, e->u.field.name,
		                         MODEL_FIELD_STABLE))
			state_val(ctx->cur, r.v)->flags |= VF_STABLE;
		return r;
	}
	case IR_E_DEREF: {
		struct sval b = eval_expr(ctx, e->u.unary.operand);
		if (b.is_const)
			return sv_val(fresh(ctx, e->ty, ORIG_LOAD));
		return eval_load(ctx, e, b.v, "*", MEMO_NO_INDEX);
	}
	case IR_E_INDEX: {
		struct sval b = eval_expr(ctx, e->u.binary.l);
		struct sval i = eval_expr(ctx, e->u.binary.r);
		if (b.is_const)
			return sv_val(fresh(ctx, e->ty, ORIG_LOAD));
		struct sval r;
		if (!i.is_const) {
			r = sv_val(fresh(ctx, e->ty, is_local_memory(ctx, e) ? ORIG_UNKNOWN : ORIG_LOAD));
		} else {
			r = eval_load(ctx, e, b.v, "*", i.c);
		}
		/* An element is borrowed from the container, so that code run
		 * meanwhile or the container's release invalidates it:
		 * list->ob_item[i] is owned by list, not by its item array. */
		struct aval *a = state_val(ctx->cur, r.v);
		if (a->is_obj && (a->owner == VAL_NONE || a->owner == b.v)) {
			a->owner = container_of(ctx, b.v);
			if (a->owner != b.v && is_private_array(ctx, e->u.binary.l))
				a->flags |= VF_PRIVATE_ITEM;
		}
		/* The items of a stable array field (a tuple's ob_item) are stable. */
		if (a->is_obj && (state_val(ctx->cur, b.v)->flags & VF_STABLE))
			a->flags |= VF_STABLE;
		return r;
	}
	case IR_E_ADDR:
		return eval_addr(ctx, e);
	case IR_E_UNOP:
		return eval_unary(ctx, e);
	case IR_E_BINOP:
		return eval_binary(ctx, e);
	default:
		return sv_val(fresh(ctx, e->ty, ORIG_NONE));
	}
}

/* ---- uses ---- */

static void use_pointer(struct engine_ctx *ctx, const struct ir_expr *base, struct ir_loc loc)
{
	struct sval b = eval_expr(ctx, base);
	if (b.is_const)
		return;
	struct aval *a = state_val(ctx->cur, b.v);
	engine_emit(ctx, EV_USE, b.v, loc, NULL, NULL, 0, USE_DEREF);
	/* Past a dereference the pointer is not NULL on any path that goes on. */
	a = state_val(ctx->cur, b.v);
	if (!engine_val_is_null(a)) {
		a->ne0 = true;
		a->flags &= (uint16_t)~VF_MAYFAIL;
		if (a->lo == 0)
			a->lo = 1;
	}
}

void eval_uses(struct engine_ctx *ctx, const struct ir_expr *e, struct ir_loc loc)
{
	if (!e)
		return;
	switch (e->kind) {
	case IR_E_FIELD:
		eval_uses(ctx, e->u.field.base, loc);
		if (e->u.field.arrow)
			use_pointer(ctx, e->u.field.base, loc);
		break;
	case IR_E_DEREF:
		eval_uses(ctx, e->u.unary.operand, loc);
		use_pointer(ctx, e->u.unary.operand, loc);
		break;
	case IR_E_INDEX:
		eval_uses(ctx, e->u.binary.l, loc);
		eval_uses(ctx, e->u.binary.r, loc);
		if (e->u.binary.l->ty && e->u.binary.l->ty->cls == IR_TY_PTR)
			use_pointer(ctx, e->u.binary.l, loc);
		break;
	case IR_E_ADDR:
		/* &p->x computes an address: no read, but p must be valid. */
		if (e->u.unary.operand->kind == IR_E_FIELD)
			eval_uses(ctx, e->u.unary.operand->u.field.base, loc);
		break;
	case IR_E_UNOP:
		eval_uses(ctx, e->u.unary.operand, loc);
		break;
	case IR_E_BINOP:
		eval_uses(ctx, e->u.binary.l, loc);
		eval_uses(ctx, e->u.binary.r, loc);
		break;
	default:
		break;
	}
}

/* ---- refinement ---- */

void eval_make_null(struct engine_ctx *ctx, val_t v)
{
	struct aval *a = state_val(ctx->cur, v);
	a->lo = a->hi = 0;
	a->ne0 = false;
	a->owned = 0;
	a->stolen_unowned = 0;
	a->flags &= (uint16_t)~(VF_MAYFAIL | VF_RELEASED | VF_INVALID);
}

bool eval_restrict(struct engine_ctx *ctx, val_t v, int64_t lo, int64_t hi, bool ne0)
{
	struct aval *a = state_val(ctx->cur, v);
	if (lo > a->lo)
		a->lo = lo;
	if (hi < a->hi)
		a->hi = hi;
	a->ne0 = a->ne0 || ne0;
	if (a->ne0 && a->lo == 0)
		a->lo = 1;
	if (a->ne0 && a->hi == 0)
		a->hi = -1;
	if (a->lo > a->hi)
		return false;
	if (a->lo == 0 && a->hi == 0) {
		eval_make_null(ctx, v);
	} else if (a->ne0 || a->lo > 0 || a->hi < 0) {
		a->ne0 = true;
		a->flags &= (uint16_t)~VF_MAYFAIL;
	}
	return true;
}

/* Assume `v op c` has the given truth. */
static bool assume_compare(struct engine_ctx *ctx, val_t v, enum ir_op op, int64_t c, bool truth)
{
	if (!truth) {
		static const enum ir_op negated[] = {
			[IR_OP_EQ] = IR_OP_NE, [IR_OP_NE] = IR_OP_EQ, [IR_OP_LT] = IR_OP_GE,
			[IR_OP_LE] = IR_OP_GT, [IR_OP_GT] = IR_OP_LE, [IR_OP_GE] = IR_OP_LT,
		};
		op = negated[op];
	}
	const struct aval *a = state_val(ctx->cur, v);
	switch (op) {
	case IR_OP_EQ:
		return eval_restrict(ctx, v, c, c, false);
	case IR_OP_NE:
		if (c == 0)
			return eval_restrict(ctx, v, INT64_MIN, INT64_MAX, true);
		if (a->lo == c && a->hi == c)
			return false;
		if (a->lo == c)
			return eval_restrict(ctx, v, c + 1, INT64_MAX, false);
		if (a->hi == c)
			return eval_restrict(ctx, v, INT64_MIN, c - 1, false);
		return true;
	case IR_OP_LT:
		return c == INT64_MIN ? false : eval_restrict(ctx, v, INT64_MIN, c - 1, false);
	case IR_OP_LE:
		return eval_restrict(ctx, v, INT64_MIN, c, false);
	case IR_OP_GT:
		return c == INT64_MAX ? false : eval_restrict(ctx, v, c + 1, INT64_MAX, false);
	case IR_OP_GE:
		return eval_restrict(ctx, v, c, INT64_MAX, false);
	default:
		return true;
	}
}

bool eval_assume(struct engine_ctx *ctx, const struct ir_expr *e, bool truth)
{
	if (e->kind == IR_E_UNOP && e->u.unary.op == IR_OP_NOT)
		return eval_assume(ctx, e->u.unary.operand, !truth);
	if (e->kind == IR_E_BINOP && is_compare(e->u.binary.op)) {
		struct sval l = eval_expr(ctx, e->u.binary.l);
		struct sval r = eval_expr(ctx, e->u.binary.r);
		enum ir_op op = e->u.binary.op;
		int64_t out;
		if (l.is_const && r.is_const && fold_binary(op, l.c, r.c, &out))
			return (out != 0) == truth;
		if (l.is_const && !r.is_const)
			return assume_compare(ctx, r.v, swap_op(op), l.c, truth);
		if (!l.is_const && r.is_const)
			return assume_compare(ctx, l.v, op, r.c, truth);
		if (l.v == r.v && (op == IR_OP_EQ || op == IR_OP_NE))
			return (op == IR_OP_EQ) == truth;
		/* Equal to something non-NULL (`x == Py_NotImplemented`): x is
		 * not NULL either. */
		if ((op == IR_OP_EQ && truth) || (op == IR_OP_NE && !truth)) {
			if (engine_val_is_nonnull(state_val(ctx->cur, r.v)))
				return eval_restrict(ctx, l.v, INT64_MIN, INT64_MAX, true);
			if (engine_val_is_nonnull(state_val(ctx->cur, l.v)))
				return eval_restrict(ctx, r.v, INT64_MIN, INT64_MAX, true);
		}
		return true;
	}
	struct sval s = eval_expr(ctx, e);
	if (s.is_const)
		return (s.c != 0) == truth;
	return truth ? eval_restrict(ctx, s.v, INT64_MIN, INT64_MAX, true)
	             : eval_restrict(ctx, s.v, 0, 0, false);
}

/* ---- stores ---- */

static void bind_var(struct engine_ctx *ctx, uint32_t var, val_t v, struct ir_loc loc)
{
	val_t old = ctx->cur->vars[var];
	ctx->cur->vars[var] = v;
	struct aval *a = state_val(ctx->cur, v);
	if (!a->name && ctx->fn->vars[var].kind != IR_VAR_TEMP)
		a->name = var + 1;
	if (old && old != v)
		engine_check_lost(ctx, old, loc, LOST_OVERWRITE, UINT32_MAX);
}

/* A reference stored into memory is handed over to whatever owns that
 * memory (DESIGN §4). One not owned yet leaves a debt that a later incref
 * pays (`self->x = v; rc_incref(v);`). A store through a pointer (a field
 * of an object, an out-parameter, a global) is a real handover: releasing
 * the reference afterwards is an over-release. Returns whether an owned
 * reference went into the memory. */
static bool hand_over_store(struct engine_ctx *ctx, val_t v, struct ir_loc loc,
                            const struct ir_stmt *st, bool strict)
{
	struct aval *a = state_val(ctx->cur, v);
	if (!a->is_obj || engine_val_is_null(a))
		return false;
	engine_emit(ctx, EV_USE, v, loc, st, NULL, 0, USE_STORE);
	a = state_val(ctx->cur, v);
	bool owned = a->owned > 0;
	a->owned--;
	if (owned && strict) {
		a->flags |= VF_HANDED;
		a->changed = ctx->cur_point;
	}
	return owned;
}

/* Is base->field declared RC_BORROWED_FIELD (it owns no reference)? */
static bool field_is_borrowed(const struct engine_ctx *ctx, const struct ir_expr *base,
                              const char *field)
{
	const struct ir_type *t = base->ty;
	const char *rec = t ? (t->record ? t->record : t->elem_record) : NULL;
	if (!rec)
		return false;
	for (uint32_t i = 0; i < ctx->tu->nrecords; i++) {
		const struct ir_record *r = &ctx->tu->records[i];
		if (strcmp(r->name, rec) != 0)
			continue;
		for (uint32_t k = 0; k < r->nfields; k++) {
			if (strcmp(r->fields[k].name, field) != 0)
				continue;
			for (uint32_t a = 0; a < r->fields[k].nannotations; a++)
				if (strcmp(r->fields[k].annotations[a], "rc:borrowed_field") == 0)
					return true;
			return false;
		}
	}
	return false;
}

/* A store replaces what the memory held, and the reference the memory held
 * comes back to the function:
 *  - one this path stored there (and it is lost if nothing names it);
 *  - one a variable still names (`tmp = self->x; self->x = v;
 *    rc_decref(tmp);` — RC_SETREF, RC_CLEAR, moving a field out);
 *  - one a callee stole from there (`PyTuple_SET_ITEM(t, 0, self->x);
 *    self->x = NULL;`, a move): the steal is settled.
 * Memory that owns nothing (RC_BORROWED_FIELD) gives nothing back. */
static void overwrite_memory(struct engine_ctx *ctx, val_t base, const char *name, int64_t index,
                             val_t v, struct ir_loc loc)
{
	struct memo_ent *e = state_memo_find(ctx->cur, base, name, index);
	if (!e || e->val == v)
		return;
	val_t old = e->val;
	struct aval *a = state_val(ctx->cur, old);
	if (!a->is_obj || engine_val_is_null(a))
		return;
	if (e->stale) {
		/* What the code read from an object's field before the call,
		 * overwritten now without a release: taken (the move-out idiom).
		 * Not through `*p` (an in-out `T **` slot may hold a borrowed
		 * reference: `file = *file_ptr; ...; *file_ptr = NULL;`). What
		 * this path stored there may have been replaced meanwhile: not
		 * given back. */
		if (a->origin == ORIG_LOAD && a->owned == 0 && strcmp(name, "*") != 0 &&
		    state_val_in_vars(ctx->cur, old, UINT32_MAX)) {
			a->owned++;
			a->flags |= VF_TAKEN;
		}
		return;
	}
	if (e->holds_ref) {
		e->holds_ref = false;
		a->owned++;
		a->flags &= (uint16_t)~VF_HANDED;
		engine_check_lost(ctx, old, loc, LOST_FIELD, UINT32_MAX);
	} else if ((a->stolen_unowned && a->owned < 0) ||
	           state_val_in_vars(ctx->cur, old, UINT32_MAX)) {
		a->owned++;
		if (a->owned >= 0)
			a->stolen_unowned = 0;
		if (a->origin != ORIG_NEW)
			a->flags |= VF_TAKEN;
	}
}

void eval_store(struct engine_ctx *ctx, const struct ir_expr *dst, struct sval val,
                struct ir_loc loc, const struct ir_stmt *st)
{
	val_t v = val.v;
	if (val.is_const) {
		v = fresh(ctx, dst->ty, ORIG_NONE);
		struct aval *a = state_val(ctx->cur, v);
		a->lo = a->hi = val.c;
		a->ne0 = val.c != 0;
		a->is_obj = false;
	}
	switch (dst->kind) {
	case IR_E_VAR:
		if (dst->u.var < ctx->cur->nvars) {
			if (ctx->fn->vars[dst->u.var].kind == IR_VAR_STATIC)
				hand_over_store(ctx, v, loc, st, true);
			bind_var(ctx, dst->u.var, v, loc);
		}
		return;
	case IR_E_GLOBAL: {
		overwrite_memory(ctx, VAL_NONE, dst->u.name, MEMO_NO_INDEX, v, loc);
		bool held = hand_over_store(ctx, v, loc, st, true);
		state_memo_put(ctx->cur, VAL_NONE, dst->u.name, MEMO_NO_INDEX, v, held);
		return;
	}
	case IR_E_FIELD: {
		struct sval b = eval_expr(ctx, dst->u.field.base);
		if (!b.is_const) {
			/* The field's old value is no longer held by b (issue 6). */
			val_t old = state_memo_get(ctx->cur, b.v, dst->u.field.name, MEMO_NO_INDEX);
			if (old && old != v && state_val(ctx->cur, old)->held_by == b.v)
				state_val(ctx->cur, old)->held_by = VAL_NONE;
		}
		bool borrowed = field_is_borrowed(ctx, dst->u.field.base, dst->u.field.name);
		if (!b.is_const && !borrowed)
			overwrite_memory(ctx, b.v, dst->u.field.name, MEMO_NO_INDEX, v, loc);
		if (!b.is_const && state_val(ctx->cur, v)->is_obj) {
			engine_emit_store(ctx, v, b.v, dst->u.field.name, dst->u.field.base->ty,
			                  st && st->kind == IR_S_ASSIGN && st->src ? st->src->ty : dst->ty,
			                  loc, st);
			state_val(ctx->cur, v)->held_by = b.v;
			state_val(ctx->cur, v)->held_at = ctx->cur_point;
		}
		/* A field of a local struct is not a handover to anyone else, and
		 * a borrowed field takes nothing. */
		bool held = !borrowed && hand_over_store(ctx, v, loc, st, dst->u.field.arrow);
		state_memo_forget(ctx->cur, dst->u.field.name);
		if (!b.is_const)
			state_memo_put(ctx->cur, b.v, dst->u.field.name, MEMO_NO_INDEX, v, held);
		return;
	}
	case IR_E_DEREF:
	case IR_E_INDEX: {
		const struct ir_expr *base = dst->kind == IR_E_DEREF ? dst->u.unary.operand : dst->u.binary.l;
		struct sval b = eval_expr(ctx, base);
		int64_t index = MEMO_NO_INDEX;
		bool known = !b.is_const;
		if (dst->kind == IR_E_INDEX) {
			struct sval i = eval_expr(ctx, dst->u.binary.r);
			known = known && i.is_const;
			index = i.is_const ? i.c : MEMO_NO_INDEX;
		}
		/* `*out = obj` through a parameter: the summary learns that the
		 * function returns a new reference through it. */
		if (dst->kind == IR_E_DEREF && !b.is_const) {
			struct aval *pa = state_val(ctx->cur, b.v);
			const struct aval *sv = state_val(ctx->cur, v);
			if (pa->param && sv->is_obj && sv->owned > 0)
				pa->flags |= VF_OUT_NEW;
		}
		if (known)
			overwrite_memory(ctx, b.v, "*", index, v, loc);
		/* Through a pointer it is a handover; into a local array it is not. */
		bool local = is_local_memory(ctx, dst);
		bool strict = base->ty && base->ty->cls == IR_TY_PTR && !local;
		bool held = hand_over_store(ctx, v, loc, st, strict);
		if (local && !b.is_const) {
			/* Only the array's own slots may change. A slot at an unknown
			 * index is remembered stale, per store site: not loaded
			 * again, but the value is still known to be in the
			 * function's own memory (walk.c in_local_memory). */
			state_memo_stale_base(ctx->cur, b.v);
			if (!known) {
				int64_t site = MEMO_NO_INDEX + 1 + (int64_t)ctx->cur_point;
				state_memo_put(ctx->cur, b.v, "*", site, v, held);
				state_memo_stale_base(ctx->cur, b.v);
			}
		} else {
			state_memo_forget(ctx->cur, "*");
		}
		if (known)
			state_memo_put(ctx->cur, b.v, "*", index, v, held);
		return;
	}
	default:
		hand_over_store(ctx, v, loc, st, false);
		return;
	}
}

/* ---- text ---- */

/* The call whose result a temporary holds, for messages: "f(...)". */
static const char *temp_callee(const struct ir_func *fn, uint32_t var)
{
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t k = 0; k < fn->blocks[b].nstmts; k++) {
			const struct ir_stmt *st = &fn->blocks[b].stmts[k];
			if (st->kind == IR_S_CALL && st->dst && st->dst->kind == IR_E_VAR &&
			    st->dst->u.var == var)
				return st->call.macro ? st->call.macro : st->call.callee;
		}
	return NULL;
}

void eval_expr_text(const struct engine_ctx *ctx, const struct ir_expr *e, struct strbuf *out)
{
	switch (e->kind) {
	case IR_E_VAR: {
		const struct ir_var *v = &ctx->fn->vars[e->u.var];
		const char *callee = v->kind == IR_VAR_TEMP ? temp_callee(ctx->fn, e->u.var) : NULL;
		if (callee)
			sb_printf(out, "%s(...)", callee);
		else
			sb_add(out, v->name);
		break;
	}
	case IR_E_GLOBAL:
	case IR_E_FUNC:
		sb_add(out, e->u.name);
		break;
	case IR_E_FIELD:
		eval_expr_text(ctx, e->u.field.base, out);
		sb_add(out, e->u.field.arrow ? "->" : ".");
		sb_add(out, e->u.field.name);
		break;
	case IR_E_DEREF:
		sb_add(out, "*");
		eval_expr_text(ctx, e->u.unary.operand, out);
		break;
	case IR_E_NULL:
		sb_add(out, "NULL");
		break;
	case IR_E_INT:
		sb_printf(out, "%lld", (long long)e->u.ival);
		break;
	case IR_E_UNOP:
		sb_add(out, ir_op_spelling(e->u.unary.op));
		eval_expr_text(ctx, e->u.unary.operand, out);
		break;
	case IR_E_BINOP:
		eval_expr_text(ctx, e->u.binary.l, out);
		sb_printf(out, " %s ", ir_op_spelling(e->u.binary.op));
		eval_expr_text(ctx, e->u.binary.r, out);
		break;
	case IR_E_INDEX:
		eval_expr_text(ctx, e->u.binary.l, out);
		sb_add(out, "[");
		eval_expr_text(ctx, e->u.binary.r, out);
		sb_add(out, "]");
		break;
	default:
		sb_add(out, "?");     /* callers treat a '?' as "no readable text" */
		break;
	}
}

/*
 * flow.c — which owned references a dealloc, traverse or clear function
 * releases, visits or overwrites on each path (issue 6, completeness).
 *
 * Why a dedicated dataflow and not the engine: the question is about the
 * places of one instance (self->left, self->items[i], self->slots[i].key),
 * not about the values the engine tracks, and the answer must follow the
 * helpers these functions call (list_drop_items, node_visit_children)
 * with the instance passed in. A small forward analysis over the CFG does
 * both: each variable holds an abstract value (the value stored at a place
 * of the instance, the address of such a place, the visitor, a call's
 * result, NULL), and the state carries, per owned reference (a bit each,
 * see typegraph.c),
 *   done    released / visited on every path so far (intersection at joins)
 *   nulled  overwritten (set to NULL) on every path so far
 *   *_any   the same on some path (union), for references behind an array
 *           or pointer, which a loop handles element by element and which
 *           may legitimately be empty.
 * A branch on a place being NULL marks its references done on the NULL
 * edge (nothing is held there). Calls of functions of the TU are followed
 * by running the analysis on the callee with the arguments' values, up to
 * FLOW_MAX_DEPTH; what the callee did on its success exits is added to the
 * caller's state. In traverse mode an exit is a success unless it returns
 * a non-zero constant or a value known non-zero on that path (RC_VISIT's
 * `if (ret != 0) return ret;`).
 *
 *
 * Idioms it understands (each met in CPython's own modules): the table's
 * functions called through the type (`Py_TYPE(self)->tp_clear(self)`);
 * a struct reached through a cast to another of the same layout (a Task
 * cleared as a Future: fields are matched by position); tagged pointers
 * (`p & ~1`); the address of a place of the object tested for NULL (never
 * is); and, in dealloc, a call the pack says resurrects or defers the
 * object (PyObject_CallFinalizerFromDealloc, the trashcan): on the path
 * where it did, nothing is required. A call we do not follow that is given
 * the object itself marks the result `delegated`.
 *
 * The lattice is finite (masks only shrink or grow, a variable's value only
 * falls to unknown at a join, paths are bounded by CPATH_MAX), so the
 * worklist reaches a fixed point.
 */
#include "cycles/cycles_internal.h"

#include "util/xalloc.h"

#include <string.h>

#define FLOW_MAX_DEPTH 6

enum fv_kind {
	FV_UNKNOWN,
	FV_VALUE,           /* the value stored at path (a reference, when a ref's path) */
	FV_ADDR,            /* the address of the place at path */
	FV_VISIT,           /* the visitor passed to traverse */
	FV_RESULT,          /* a call's result */
	FV_NULL,
	FV_CONST
};

struct fval {
	uint8_t kind;
	bool nonzero;       /* known non-zero on this path */
	bool resurrect;     /* FV_RESULT of a resurrect call: non-zero = the object lives on */
	struct cpath path;
};

struct fstate {
	bool reached;
	bool alive;         /* dealloc: the object was resurrected on every path here */
	uint64_t done, nulled, done_any, nulled_any;
	struct fval *env;
};

struct flow_ctx {
	const struct cycle_model *cm;
	const struct cycle_type *t;
	const struct cycle_table *table;
	enum flow_mode mode;
	const struct ir_func *stack[FLOW_MAX_DEPTH];
	uint32_t depth;
	bool truncated;
	bool delegated;
};

/* What a function did on its success exits. */
struct flow_sum {
	bool returns;
	uint64_t done, nulled, done_any, nulled_any;
};

static void run_func(struct flow_ctx *c, const struct ir_func *fn, const struct fval *params,
                     uint32_t nparams, struct flow_sum *sum, struct flow_result *top);

/* ---- values ---- */

static struct fval fv_make(uint8_t kind)
{
	struct fval v;
	memset(&v, 0, sizeof(v));
	v.kind = kind;
	return v;
}

static bool fv_eq(const struct fval *a, const struct fval *b)
{
	if (a->kind != b->kind || a->nonzero != b->nonzero || a->resurrect != b->resurrect)
		return false;
	if (a->kind == FV_VALUE || a->kind == FV_ADDR)
		return cpath_eq(&a->path, &b->path);
	return true;
}

static struct cpath canon(const struct flow_ctx *c, const struct cpath *p, struct cloc *at)
{
	return cpath_canon(c->cm, c->t->rec, p, at);
}

/* One form per place: a pointer to a struct or to an array of references
 * is the address of what it points to; the address of an object reached
 * through a reference is that reference's value. */
static struct fval fv_place(const struct flow_ctx *c, uint8_t kind, const struct cpath *path)
{
	struct fval v = fv_make(kind);
	struct cloc at;
	v.path = canon(c, path, &at);
	if (v.path.bad)
		return fv_make(FV_UNKNOWN);
	if (kind == FV_VALUE && at.kind == CL_SLOT && !at.array && (at.depth >= 2 || at.elem)) {
		struct cpath p = v.path;
		cpath_push(&p, CPATH_ELEM);
		return fv_place(c, FV_ADDR, &p);
	}
	if (kind == FV_ADDR && v.path.n && v.path.seg[v.path.n - 1] == CPATH_ELEM) {
		struct cpath p = v.path;
		p.n--;
		struct cloc slot;
		p = canon(c, &p, &slot);
		if (slot.kind == CL_SLOT && slot.depth == 1 && !slot.array) {
			v.kind = FV_VALUE;
			v.path = p;
		}
	}
	return v;
}

static struct fval eval_val(const struct flow_ctx *c, const struct fstate *s,
                            const struct ir_func *fn, const struct ir_expr *e);

static bool is_constant(const struct ir_expr *e)
{
	if (e->kind == IR_E_INT)
		return true;
	if (e->kind == IR_E_UNOP)
		return is_constant(e->u.unary.operand);
	if (e->kind == IR_E_BINOP)
		return is_constant(e->u.binary.l) && is_constant(e->u.binary.r);
	return false;
}

/* The place a pointer value points to. */
static bool eval_ptr(const struct flow_ctx *c, const struct fstate *s, const struct ir_func *fn,
                     const struct ir_expr *e, struct cpath *out)
{
	struct fval v = eval_val(c, s, fn, e);
	if (v.kind == FV_ADDR) {
		*out = v.path;
		return true;
	}
	if (v.kind != FV_VALUE)
		return false;
	struct cpath p = v.path;
	cpath_push(&p, CPATH_ELEM);
	*out = canon(c, &p, NULL);
	return !out->bad;
}

/* The struct a field access's base expression is declared as. */
static const char *static_record(const struct ir_expr *e)
{
	const struct ir_type *t = e->u.field.base->ty;
	if (!t)
		return NULL;
	if (!e->u.field.arrow)
		return t->cls == IR_TY_RECORD ? t->record : NULL;
	return t->obj_depth == 1 ? t->record : t->elem_record;
}

/* The name of field e at place base: the same position in the struct that
 * is really there when the code reaches it through a cast to a struct of
 * the same layout. */
static const char *field_name(const struct flow_ctx *c, const struct cpath *base,
                              const struct ir_expr *e)
{
	struct cloc at;
	canon(c, base, &at);
	if (at.kind != CL_OBJECT && at.kind != CL_RECORD)
		return e->u.field.name;
	return cycle_translate_field(c->cm, at.rec, static_record(e), e->u.field.name);
}

/* The place of the instance an lvalue denotes. */
static bool eval_lval(const struct flow_ctx *c, const struct fstate *s, const struct ir_func *fn,
                      const struct ir_expr *e, struct cpath *out)
{
	switch (e->kind) {
	case IR_E_FIELD: {
		struct cpath base;
		bool ok = e->u.field.arrow ? eval_ptr(c, s, fn, e->u.field.base, &base)
		                           : eval_lval(c, s, fn, e->u.field.base, &base);
		if (!ok)
			return false;
		cpath_push(&base, field_name(c, &base, e));
		*out = canon(c, &base, NULL);
		return !out->bad;
	}
	case IR_E_DEREF:
		return eval_ptr(c, s, fn, e->u.unary.operand, out);
	case IR_E_INDEX:
		return eval_ptr(c, s, fn, e->u.binary.l, out);
	default:
		return false;
	}
}

static struct fval eval_val(const struct flow_ctx *c, const struct fstate *s,
                            const struct ir_func *fn, const struct ir_expr *e)
{
	struct fval v = fv_make(FV_UNKNOWN);
	struct cpath p;
	switch (e->kind) {
	case IR_E_VAR:
		return e->u.var < fn->nvars ? s->env[e->u.var] : v;
	case IR_E_NULL:
		return fv_make(FV_NULL);
	case IR_E_INT:
		v = fv_make(e->u.ival ? FV_CONST : FV_NULL);
		v.nonzero = e->u.ival != 0;
		return v;
	case IR_E_ADDR:
		return eval_lval(c, s, fn, e->u.unary.operand, &p) ? fv_place(c, FV_ADDR, &p) : v;
	case IR_E_FIELD:
	case IR_E_DEREF:
	case IR_E_INDEX:
		if (!eval_lval(c, s, fn, e, &p))
			return v;
		if (e->ty && e->ty->cls == IR_TY_ARRAY) {
			cpath_push(&p, CPATH_ELEM);     /* an array decays to its elements' address */
			return fv_place(c, FV_ADDR, &p);
		}
		return fv_place(c, FV_VALUE, &p);
	case IR_E_BINOP:
		/* Pointer arithmetic stays within the same array. */
		if ((e->u.binary.op == IR_OP_ADD || e->u.binary.op == IR_OP_SUB) && e->ty &&
		    (e->ty->cls == IR_TY_PTR || e->ty->cls == IR_TY_ARRAY))
			return eval_val(c, s, fn, e->u.binary.l);
		/* A tagged pointer (p & ~1, p | 1) is still the same reference. */
		if (e->u.binary.op == IR_OP_BITAND || e->u.binary.op == IR_OP_BITOR) {
			const struct ir_expr *ptr = is_constant(e->u.binary.r) ? e->u.binary.l
			                          : is_constant(e->u.binary.l) ? e->u.binary.r : NULL;
			struct fval pv = ptr ? eval_val(c, s, fn, ptr) : v;
			if (pv.kind == FV_VALUE || pv.kind == FV_ADDR)
				return pv;
		}
		return v;
	default:
		return v;
	}
}

/* ---- effects ---- */

static uint64_t refs_at(const struct flow_ctx *c, const struct cpath *p)
{
	uint64_t m = 0;
	for (uint32_t i = 0; i < c->t->nrefs; i++)
		if (cpath_eq(&c->t->refs[i].path, p))
			m |= 1ull << i;
	return m;
}

static uint64_t refs_under(const struct flow_ctx *c, const struct cpath *p)
{
	uint64_t m = 0;
	for (uint32_t i = 0; i < c->t->nrefs; i++)
		if (cpath_prefix(p, &c->t->refs[i].path))
			m |= 1ull << i;
	return m;
}

/* A release (dealloc, clear) or a visit (traverse) of value v. */
static void mark_done(const struct flow_ctx *c, struct fstate *s, const struct fval *v)
{
	if (v->kind != FV_VALUE)
		return;
	uint64_t m = refs_at(c, &v->path);
	s->done |= m;
	s->done_any |= m;
}

static void mark_overwritten(const struct flow_ctx *c, struct fstate *s, const struct cpath *p)
{
	uint64_t m = refs_under(c, p);
	s->nulled |= m;
	s->nulled_any |= m;
}

/* Is p a place of the instance itself (not of an object it points to)? */
static bool own_place(const struct flow_ctx *c, const struct cpath *p)
{
	struct cloc at;
	canon(c, p, &at);
	return !at.foreign;
}

static void exec_assign(const struct flow_ctx *c, struct fstate *s, const struct ir_func *fn,
                        const struct ir_stmt *st)
{
	struct fval v = eval_val(c, s, fn, st->src);
	struct cpath dst;
	if (st->dst->kind == IR_E_VAR) {
		if (st->dst->u.var < fn->nvars)
			s->env[st->dst->u.var] = v;
	} else if (eval_lval(c, s, fn, st->dst, &dst) && own_place(c, &dst)) {
		mark_overwritten(c, s, &dst);
	} else if (c->mode != FLOW_TRAVERSE) {
		mark_done(c, s, &v);    /* stored outside the instance: handed over */
	}
}

static void store_result(const struct flow_ctx *c, struct fstate *s, const struct ir_func *fn,
                         const struct ir_expr *dst, bool resurrect)
{
	struct cpath p;
	if (!dst)
		return;
	if (dst->kind == IR_E_VAR) {
		if (dst->u.var < fn->nvars) {
			s->env[dst->u.var] = fv_make(FV_RESULT);
			s->env[dst->u.var].resurrect = resurrect;
		}
	} else if (eval_lval(c, s, fn, dst, &p)) {
		mark_overwritten(c, s, &p);
	}
}

/* A call we do not follow that is given the object itself: it might do
 * anything with it (release its fields included). */
static void note_delegation(struct flow_ctx *c, struct fstate *s, const struct ir_func *fn,
                            const struct ir_call *call)
{
	for (uint32_t i = 0; i < call->nargs; i++) {
		struct fval a = eval_val(c, s, fn, call->args[i]);
		if (a.kind == FV_ADDR && a.path.n == 0)
			c->delegated = true;
	}
}

/* An indirect call through the member that holds one of the table's
 * functions (`Py_TYPE(self)->tp_clear(self)`): that function. */
static const struct ir_func *role_callee(const struct flow_ctx *c, const struct ir_call *call)
{
	static const enum model_tt_role roles[] = { MODEL_TT_DEALLOC, MODEL_TT_CLEAR, MODEL_TT_TRAVERSE };
	if (!call->fn || call->fn->kind != IR_E_FIELD)
		return NULL;
	const struct model_type_info *ti = model_type_info(c->cm->m);
	for (size_t r = 0; r < sizeof(roles) / sizeof(roles[0]); r++) {
		for (uint32_t k = 0; k < ti->ntables; k++) {
			const char *m = ti->tables[k].members[roles[r]];
			if (m && strcmp(m, call->fn->u.field.name) == 0)
				return cycle_func(c->cm, c->table->fn[roles[r]]);
		}
	}
	return NULL;
}

/* Follow a call of a function of the TU; false if it cannot be followed. */
static bool follow_call(struct flow_ctx *c, struct fstate *s, const struct ir_func *fn,
                        const struct ir_stmt *st, const struct ir_func *callee)
{
	for (uint32_t i = 0; i < c->depth; i++)
		if (c->stack[i] == callee)
			return false;       /* recursion: its effect is already being computed */
	if (c->depth == FLOW_MAX_DEPTH) {
		c->truncated = true;
		return false;
	}
	struct fval *args = xcalloc(st->call.nargs + 1, sizeof(*args));
	for (uint32_t i = 0; i < st->call.nargs; i++)
		args[i] = eval_val(c, s, fn, st->call.args[i]);
	struct flow_sum sum;
	run_func(c, callee, args, st->call.nargs, &sum, NULL);
	free(args);
	if (!sum.returns) {
		s->reached = false;     /* it never comes back */
		return true;
	}
	s->done |= sum.done;
	s->nulled |= sum.nulled;
	s->done_any |= sum.done_any;
	s->nulled_any |= sum.nulled_any;
	return true;
}

static void exec_call(struct flow_ctx *c, struct fstate *s, const struct ir_func *fn,
                      const struct ir_stmt *st)
{
	const struct ir_call *call = &st->call;
	bool resurrect = false;
	if (!call->callee) {
		struct fval f = call->fn ? eval_val(c, s, fn, call->fn) : fv_make(FV_UNKNOWN);
		const struct ir_func *role = role_callee(c, call);
		if (f.kind == FV_VISIT && c->mode == FLOW_TRAVERSE && call->nargs) {
			struct fval a = eval_val(c, s, fn, call->args[0]);
			mark_done(c, s, &a);
		} else if (!role || !follow_call(c, s, fn, st, role)) {
			note_delegation(c, s, fn, call);
		}
	} else {
		const struct model_fn *m = model_tu_lookup(c->cm->mt, call->callee);
		const struct ir_func *callee = cycle_func(c->cm, call->callee);
		bool release = m->prim == MODEL_PRIM_DECREF || m->prim == MODEL_PRIM_XDECREF;
		uint32_t steals = m->steals | m->steals_on_success;
		if (release && m->prim_arg >= 1 && m->prim_arg <= call->nargs)
			steals |= 1u << (m->prim_arg - 1);
		if (c->mode != FLOW_TRAVERSE) {
			for (uint32_t i = 0; i < call->nargs && i < 32; i++) {
				if (steals & (1u << i)) {
					struct fval a = eval_val(c, s, fn, call->args[i]);
					mark_done(c, s, &a);
				}
			}
		}
		resurrect = c->mode == FLOW_DEALLOC && model_is_resurrect_call(c->cm->m, call->callee);
		if (!release && !m->prim && !(callee && !m->trusted && follow_call(c, s, fn, st, callee)))
			note_delegation(c, s, fn, call);
	}
	if (call->noreturn)
		s->reached = false;
	if (s->reached)
		store_result(c, s, fn, st->dst, resurrect);
}

/* ---- branches ---- */

static bool is_compare(enum ir_op op)
{
	return op == IR_OP_EQ || op == IR_OP_NE || op == IR_OP_LT || op == IR_OP_LE ||
	       op == IR_OP_GT || op == IR_OP_GE;
}

/* Is e a null pointer or integer zero? */
static bool is_zero(const struct ir_expr *e)
{
	return e->kind == IR_E_NULL || (e->kind == IR_E_INT && e->u.ival == 0);
}

/* Refine s for `cond` being `truth`: a place known NULL holds nothing; a
 * result known non-zero is a failure code. */
static void refine(const struct flow_ctx *c, struct fstate *s, const struct ir_func *fn,
                   const struct ir_expr *cond, bool truth)
{
	const struct ir_expr *e = cond;
	bool nonzero = truth;       /* `e` is non-zero on this edge */
	while (e->kind == IR_E_UNOP && e->u.unary.op == IR_OP_NOT) {
		e = e->u.unary.operand;
		nonzero = !nonzero;
	}
	if (e->kind == IR_E_BINOP && is_compare(e->u.binary.op)) {
		enum ir_op op = e->u.binary.op;
		const struct ir_expr *l = e->u.binary.l, *r = e->u.binary.r;
		if (!is_zero(l) && !is_zero(r))
			return;
		const struct ir_expr *x = is_zero(r) ? l : r;
		if (op == IR_OP_EQ)
			nonzero = !nonzero;                 /* x == 0 holds: x is zero */
		else if (op == IR_OP_NE)
			;                                   /* x != 0 holds: x is non-zero */
		else if ((op == IR_OP_LT || op == IR_OP_GT) && nonzero)
			;                                   /* x < 0, x > 0 hold: non-zero */
		else
			return;
		e = x;
	}
	struct fval v = eval_val(c, s, fn, e);
	if (e->kind == IR_E_VAR && e->u.var < fn->nvars && nonzero) {
		s->env[e->u.var].nonzero = true;
		if (v.resurrect) {
			/* The object lives on: this path asks nothing of the exits it
			 * reaches, even after joining the dying path (the trashcan's
			 * `break` and the normal path share one return). */
			s->alive = true;
			s->done = s->nulled = UINT64_MAX;
		}
	}
	bool pointee = v.kind == FV_ADDR && v.path.n && v.path.seg[v.path.n - 1] == CPATH_ELEM;
	/* A NULL pointer to a place holds no references below it. */
	if (!nonzero && (v.kind == FV_VALUE || pointee)) {
		uint64_t m = refs_under(c, &v.path);
		s->done |= m;
		s->nulled |= m;
	}
	/* The address of the object or of a place inside it is never NULL. */
	if (!nonzero && v.kind == FV_ADDR && !pointee)
		s->reached = false;
}

/* ---- the fixed point over one function ---- */

struct frun {
	struct flow_ctx *c;
	const struct ir_func *fn;
	struct fstate *in;          /* per block */
	uint32_t *work;
	uint8_t *queued;
	uint32_t nwork;
};

static void state_copy(const struct frun *r, struct fstate *dst, const struct fstate *src)
{
	struct fval *env = dst->env;
	*dst = *src;
	dst->env = env;
	memcpy(dst->env, src->env, sizeof(struct fval) * r->fn->nvars);
}

/* Join src into dst; true if dst changed. */
static bool state_join(const struct frun *r, struct fstate *dst, const struct fstate *src)
{
	if (!src->reached)
		return false;
	if (!dst->reached) {
		state_copy(r, dst, src);
		return true;
	}
	struct fstate old = *dst;
	dst->alive = dst->alive && src->alive;
	dst->done &= src->done;
	dst->nulled &= src->nulled;
	dst->done_any |= src->done_any;
	dst->nulled_any |= src->nulled_any;
	bool changed = old.alive != dst->alive || old.done != dst->done || old.nulled != dst->nulled ||
	               old.done_any != dst->done_any || old.nulled_any != dst->nulled_any;
	for (uint32_t i = 0; i < r->fn->nvars; i++) {
		struct fval *a = &dst->env[i];
		const struct fval *b = &src->env[i];
		if (fv_eq(a, b))
			continue;
		bool same = a->kind == b->kind &&
		            ((a->kind != FV_VALUE && a->kind != FV_ADDR) || cpath_eq(&a->path, &b->path));
		if (same)
			a->nonzero = a->nonzero && b->nonzero;  /* they differed only there */
		else
			*a = fv_make(FV_UNKNOWN);
		changed = true;
	}
	return changed;
}

static void push(struct frun *r, uint32_t b)
{
	if (!r->queued[b]) {
		r->queued[b] = 1;
		r->work[r->nwork++] = b;
	}
}

/* Run block b from its entry state into `out`. */
static void exec_block(struct frun *r, uint32_t b, struct fstate *out)
{
	const struct ir_block *blk = &r->fn->blocks[b];
	state_copy(r, out, &r->in[b]);
	for (uint32_t i = 0; i < blk->nstmts && out->reached; i++) {
		const struct ir_stmt *st = &blk->stmts[i];
		if (st->kind == IR_S_ASSIGN)
			exec_assign(r->c, out, r->fn, st);
		else if (st->kind == IR_S_CALL)
			exec_call(r->c, out, r->fn, st);
	}
}

static void flow_edge(struct frun *r, const struct fstate *out, struct fstate *tmp,
                      uint32_t succ, const struct ir_expr *cond, bool truth)
{
	if (succ >= r->fn->nblocks)
		return;
	state_copy(r, tmp, out);
	if (cond)
		refine(r->c, tmp, r->fn, cond, truth);
	if (state_join(r, &r->in[succ], tmp))
		push(r, succ);
}

static void flow_succs(struct frun *r, uint32_t b, const struct fstate *out, struct fstate *tmp)
{
	const struct ir_term *t = &r->fn->blocks[b].term;
	switch (t->kind) {
	case IR_T_GOTO:
		flow_edge(r, out, tmp, t->succ[0], NULL, true);
		break;
	case IR_T_BRANCH:
		flow_edge(r, out, tmp, t->succ[0], t->cond, true);
		flow_edge(r, out, tmp, t->succ[1], t->cond, false);
		break;
	case IR_T_SWITCH:
		flow_edge(r, out, tmp, t->succ[0], NULL, true);
		for (uint32_t i = 0; i < t->ncases; i++)
			flow_edge(r, out, tmp, t->cases[i].block, NULL, true);
		break;
	default:
		break;
	}
}

static bool is_success_exit(const struct frun *r, const struct fstate *s, const struct ir_term *t)
{
	if (r->c->mode == FLOW_DEALLOC)
		return !s->alive;   /* a resurrected object is not dying */
	if (r->c->mode != FLOW_TRAVERSE || !t->cond)
		return true;
	struct fval v = eval_val(r->c, s, r->fn, t->cond);
	return !v.nonzero;
}

static void collect_exits(struct frun *r, struct fstate *out, struct flow_sum *sum,
                          struct flow_result *top)
{
	memset(sum, 0, sizeof(*sum));
	sum->done = sum->nulled = UINT64_MAX;
	for (uint32_t b = 0; b < r->fn->nblocks; b++) {
		const struct ir_term *t = &r->fn->blocks[b].term;
		if (t->kind != IR_T_RETURN || !r->in[b].reached)
			continue;
		exec_block(r, b, out);
		if (!out->reached || !is_success_exit(r, out, t))
			continue;
		sum->returns = true;
		sum->done &= out->done;
		sum->nulled &= out->nulled;
		sum->done_any |= out->done_any;
		sum->nulled_any |= out->nulled_any;
		if (top) {
			struct flow_exit x = { t->loc, out->done, out->nulled };
			VEC_PUSH(top->exits, top->nexits, top->cap_exits, x);
		}
	}
	if (top) {
		top->done_any = sum->done_any;
		top->nulled_any = sum->nulled_any;
	}
}

static void run_func(struct flow_ctx *c, const struct ir_func *fn, const struct fval *params,
                     uint32_t nparams, struct flow_sum *sum, struct flow_result *top)
{
	struct frun r = { c, fn, NULL, NULL, NULL, 0 };
	uint32_t n = fn->nblocks, nv = fn->nvars;
	memset(sum, 0, sizeof(*sum));
	if (!n)
		return;
	c->stack[c->depth++] = fn;
	r.in = xcalloc(n, sizeof(*r.in));
	struct fval *envs = xcalloc((size_t)(n + 2) * (nv ? nv : 1), sizeof(*envs));
	for (uint32_t b = 0; b < n; b++)
		r.in[b].env = envs + (size_t)b * (nv ? nv : 1);
	struct fstate out = { .env = envs + (size_t)n * (nv ? nv : 1) };
	struct fstate tmp = { .env = envs + (size_t)(n + 1) * (nv ? nv : 1) };
	r.work = xmalloc(sizeof(uint32_t) * n);
	r.queued = xcalloc(n, 1);
	r.in[0].reached = true;
	for (uint32_t i = 0; i < fn->nparams && i < nparams && i < nv; i++)
		r.in[0].env[i] = params[i];
	push(&r, 0);
	while (r.nwork) {
		uint32_t b = r.work[--r.nwork];
		r.queued[b] = 0;
		exec_block(&r, b, &out);
		if (out.reached)
			flow_succs(&r, b, &out, &tmp);
	}
	collect_exits(&r, &out, sum, top);
	free(r.work);
	free(r.queued);
	free(envs);
	free(r.in);
	c->depth--;
}

void flow_run(const struct cycle_model *cm, const struct cycle_table *table,
              const struct ir_func *fn, enum flow_mode mode, struct flow_result *out)
{
	struct flow_ctx c = { 0 };
	uint8_t self_arg = table->desc->self_arg, visit_arg = table->desc->visit_arg;
	c.cm = cm;
	c.t = &cm->types[table->type];
	c.table = table;
	c.mode = mode;
	memset(out, 0, sizeof(*out));
	uint32_t np = fn->nparams > 32 ? fn->nparams : 32;
	struct fval *params = xcalloc(np, sizeof(*params));
	if (self_arg >= 1 && self_arg <= fn->nparams)
		params[self_arg - 1] = fv_make(FV_ADDR);    /* the instance itself: the empty path */
	if (mode == FLOW_TRAVERSE && visit_arg >= 1 && visit_arg <= fn->nparams)
		params[visit_arg - 1] = fv_make(FV_VISIT);
	struct flow_sum sum;
	run_func(&c, fn, params, fn->nparams, &sum, out);
	out->truncated = c.truncated;
	out->delegated = c.delegated;
	free(params);
}

void flow_result_dispose(struct flow_result *r)
{
	free(r->exits);
	memset(r, 0, sizeof(*r));
}

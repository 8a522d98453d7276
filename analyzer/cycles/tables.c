/*
 * tables.c — the type tables of a TU (see cycles.h): the globals whose
 * type a pack names as a type table, the functions they name for each
 * role (members, or a PyType_Slot-style slot array), whether the collector
 * tracks their instances, their object struct, and whether they have a
 * base type to inherit missing functions from. Also which table a call's
 * result is an instance of (allocators, constructors of the TU).
 *
 * Everything here reads static initialisers (ir_init trees, where a
 * positional element already carries its member name) and, for bases,
 * the TU's statements; nothing about a particular API is written in C.
 */
#include "cycles/cycles_internal.h"

#include "util/xalloc.h"

#include <string.h>


/* "const struct rc_type" → "rc_type". */
static bool spelling_is(const char *spelling, const char *name)
{
	static const char *const quals[] = { "const ", "volatile ", "struct ", "static " };
	bool again = true;
	while (spelling && again) {
		again = false;
		for (size_t i = 0; i < sizeof(quals) / sizeof(quals[0]); i++) {
			size_t k = strlen(quals[i]);
			if (strncmp(spelling, quals[i], k) == 0) {
				spelling += k;
				again = true;
			}
		}
	}
	return spelling && strcmp(spelling, name) == 0;
}

static const struct model_type_table *table_desc(const struct cycle_model *cm,
                                                 const struct ir_global *g)
{
	const struct model_type_info *ti = model_type_info(cm->m);
	if (!g->init || !g->ty || g->ty->cls != IR_TY_RECORD)
		return NULL;
	for (uint32_t i = 0; i < ti->ntables; i++) {
		const char *s = ti->tables[i].strct;
		if ((g->ty->record && strcmp(g->ty->record, s) == 0) || spelling_is(g->ty->spelling, s))
			return &ti->tables[i];
	}
	return NULL;
}

static const struct ir_init *init_member(const struct ir_init *init, const char *member)
{
	for (uint32_t i = 0; init && member && i < init->nelems; i++)
		if (init->elems[i].field && strcmp(init->elems[i].field, member) == 0)
			return &init->elems[i];
	return NULL;
}

/* The function a leaf names: f, &f (casts are already gone). */
static const char *leaf_func(const struct ir_init *leaf)
{
	const struct ir_expr *e = leaf ? leaf->expr : NULL;
	if (e && e->kind == IR_E_ADDR)
		e = e->u.unary.operand;
	return e && e->kind == IR_E_FUNC ? e->u.name : NULL;
}

/* Is a leaf set to something other than NULL or 0? */
static bool leaf_set(const struct ir_init *leaf)
{
	const struct ir_expr *e = leaf ? leaf->expr : NULL;
	return e && e->kind != IR_E_NULL && !(e->kind == IR_E_INT && e->u.ival == 0);
}

/* The global a leaf points at: g, &g, &g[0]. */
static const char *leaf_global(const struct ir_init *leaf)
{
	const struct ir_expr *e = leaf ? leaf->expr : NULL;
	if (e && e->kind == IR_E_ADDR)
		e = e->u.unary.operand;
	if (e && e->kind == IR_E_INDEX)
		e = e->u.binary.l;
	return e && e->kind == IR_E_GLOBAL ? e->u.name : NULL;
}

static const struct ir_global *find_global(const struct cycle_model *cm, const char *name)
{
	for (uint32_t i = 0; name && i < cm->tu->nglobals; i++)
		if (strcmp(cm->tu->globals[i].name, name) == 0 && cm->tu->globals[i].init)
			return &cm->tu->globals[i];
	return NULL;
}

/* Integer constant folding of a flags initialiser; false if not constant. */
static bool fold_int(const struct ir_expr *e, int64_t *out)
{
	int64_t a, b;
	if (!e)
		return false;
	switch (e->kind) {
	case IR_E_INT:
		*out = e->u.ival;
		return true;
	case IR_E_UNOP:
		if (!fold_int(e->u.unary.operand, &a))
			return false;
		*out = e->u.unary.op == IR_OP_BITNOT ? ~a : e->u.unary.op == IR_OP_NEG ? -a : a;
		return true;
	case IR_E_BINOP:
		if (!fold_int(e->u.binary.l, &a) || !fold_int(e->u.binary.r, &b))
			return false;
		switch (e->u.binary.op) {
		case IR_OP_BITOR: *out = a | b; return true;
		case IR_OP_BITAND: *out = a & b; return true;
		case IR_OP_BITXOR: *out = a ^ b; return true;
		case IR_OP_ADD: *out = a + b; return true;
		case IR_OP_SHL: *out = b >= 0 && b < 63 ? a << b : 0; return true;
		default: return false;
		}
	default:
		return false;
	}
}

/* Fill a role from a slot array ({id, value} elements ended by id 0). */
static void read_slots(const struct cycle_model *cm, struct cycle_table *t)
{
	const struct model_tt_slots *s = &t->desc->slots;
	const struct ir_global *arr = find_global(cm, leaf_global(init_member(t->global->init, s->member)));
	for (uint32_t i = 0; arr && i < arr->init->nelems; i++) {
		const struct ir_init *el = &arr->init->elems[i];
		const struct ir_init *id = init_member(el, s->id_field);
		int64_t v;
		if (!id || !fold_int(id->expr, &v) || v == 0)
			continue;
		const struct ir_init *val = init_member(el, s->value_field);
		for (int r = 0; r < MODEL_TT__COUNT; r++) {
			for (uint8_t k = 0; k < s->nids[r]; k++) {
				if (s->ids[r][k] != v)
					continue;
				if (r == MODEL_TT_BASE)
					t->has_base |= leaf_set(val);
				else if (leaf_func(val)) {
					t->fn[r] = leaf_func(val);
					t->at[r] = val->loc;
				}
			}
		}
	}
}

/* The object struct named by sizeof in the size member. */
static int32_t type_from_size(const struct cycle_model *cm, const struct cycle_table *t)
{
	const struct ir_init *size = init_member(t->global->init, t->desc->members[MODEL_TT_SIZE]);
	return size && size->expr ? cycle_type_index(cm, size->expr->sizeof_record) : -1;
}

/* Fallback: the object struct a dealloc/traverse/clear takes its object as:
 * its parameter's type, or a local it casts the parameter into. */
static int32_t type_from_func(const struct cycle_model *cm, const struct ir_func *fn, uint8_t arg)
{
	if (!fn || fn->nparams < arg)
		return -1;
	int32_t k = cycle_type_index(cm, fn->vars[arg - 1].ty ? fn->vars[arg - 1].ty->record : NULL);
	for (uint32_t b = 0; k < 0 && b < fn->nblocks; b++) {
		for (uint32_t s = 0; k < 0 && s < fn->blocks[b].nstmts; s++) {
			const struct ir_stmt *st = &fn->blocks[b].stmts[s];
			if (st->kind == IR_S_ASSIGN && st->dst->kind == IR_E_VAR &&
			    st->src->kind == IR_E_VAR && st->src->u.var == (uint32_t)arg - 1 &&
			    st->dst->ty && st->dst->ty->obj_depth == 1)
				k = cycle_type_index(cm, st->dst->ty->record);
		}
	}
	return k;
}

/* Tracked: a traverse (own or, with a base, perhaps inherited) and the GC
 * flag if the pack asks for one. Unknown when a base may lend a traverse. */
static bool table_tracked(const struct cycle_table *t)
{
	if (!t->fn[MODEL_TT_TRAVERSE])
		return false;
	if (!t->desc->gc_flag)
		return true;
	const struct ir_init *flags = init_member(t->global->init, t->desc->members[MODEL_TT_FLAGS]);
	int64_t v;
	/* Flags we cannot read are taken to have the bit: silence over guessing. */
	return !flags || !fold_int(flags->expr, &v) || ((uint64_t)v & t->desc->gc_flag);
}

static void build_table(struct cycle_model *cm, const struct ir_global *g,
                        const struct model_type_table *desc)
{
	struct cycle_table t = { 0 };
	t.global = g;
	t.desc = desc;
	for (int r = 0; r < MODEL_TT__COUNT; r++) {
		const struct ir_init *m = init_member(g->init, desc->members[r]);
		t.at[r] = m ? m->loc : g->loc;
		if (r != MODEL_TT_SIZE && r != MODEL_TT_FLAGS && r != MODEL_TT_BASE)
			t.fn[r] = leaf_func(m);
	}
	t.has_base = leaf_set(init_member(g->init, desc->members[MODEL_TT_BASE]));
	if (desc->has_slots)
		read_slots(cm, &t);
	t.tracked = table_tracked(&t);
	t.tracking_known = true;
	t.type = type_from_size(cm, &t);
	static const enum model_tt_role fns[] = { MODEL_TT_DEALLOC, MODEL_TT_TRAVERSE, MODEL_TT_CLEAR };
	for (size_t i = 0; t.type < 0 && i < sizeof(fns) / sizeof(fns[0]); i++)
		t.type = type_from_func(cm, cycle_func(cm, t.fn[fns[i]]), desc->self_arg);
	VEC_PUSH(cm->tables, cm->ntables, cm->cap_tables, t);
}


/* The table of an allocator call: its type argument is &table. */
static const char *allocator_table(const struct cycle_model *cm, const struct ir_stmt *st)
{
	const struct model_allocator *a = model_allocator_for(cm->m, st->call.callee);
	if (!a || st->call.nargs < a->type_arg)
		return NULL;
	const struct ir_expr *e = st->call.args[a->type_arg - 1];
	if (e->kind == IR_E_ADDR)
		e = e->u.unary.operand;
	return e->kind == IR_E_GLOBAL ? e->u.name : NULL;
}

/* A constructor of the TU: every allocator call in its body names the
 * same table. */
static const char *constructor_table(const struct cycle_model *cm, const struct ir_func *fn)
{
	const char *found = NULL;
	for (uint32_t b = 0; fn && b < fn->nblocks; b++) {
		for (uint32_t s = 0; s < fn->blocks[b].nstmts; s++) {
			const struct ir_stmt *st = &fn->blocks[b].stmts[s];
			const char *t = st->kind == IR_S_CALL ? allocator_table(cm, st) : NULL;
			if (!t)
				continue;
			if (found && strcmp(found, t) != 0)
				return NULL;
			found = t;
		}
	}
	return found;
}

const char *cycle_call_table(const struct cycle_model *cm, const struct ir_stmt *call)
{
	if (!call || call->kind != IR_S_CALL || !call->call.callee)
		return NULL;
	const char *t = allocator_table(cm, call);
	return t ? t : constructor_table(cm, cycle_func(cm, call->call.callee));
}

/* ---- bases given by code ---- */

static struct cycle_table *table_of_global(struct cycle_model *cm, const struct ir_expr *e)
{
	if (e && e->kind == IR_E_ADDR)
		e = e->u.unary.operand;
	for (uint32_t i = 0; e && e->kind == IR_E_GLOBAL && i < cm->ntables; i++)
		if (strcmp(cm->tables[i].global->name, e->u.name) == 0)
			return &cm->tables[i];
	return NULL;
}

static bool expr_is_null(const struct ir_expr *e)
{
	return e->kind == IR_E_NULL || (e->kind == IR_E_INT && e->u.ival == 0);
}

/* `T.tp_base = …;` or a derives call (PyType_FromSpecWithBases(&spec, base)). */
static void scan_stmt_for_base(struct cycle_model *cm, const struct ir_stmt *st)
{
	if (st->kind == IR_S_ASSIGN && st->dst->kind == IR_E_FIELD && !st->dst->u.field.arrow) {
		struct cycle_table *t = table_of_global(cm, st->dst->u.field.base);
		const char *base = t ? t->desc->members[MODEL_TT_BASE] : NULL;
		if (base && strcmp(base, st->dst->u.field.name) == 0 && !expr_is_null(st->src))
			t->has_base = true;
		return;
	}
	if (st->kind != IR_S_CALL || !st->call.callee)
		return;
	const struct model_derive *d = model_derive_for(cm->m, st->call.callee);
	if (!d || st->call.nargs < d->table_arg || st->call.nargs < d->base_arg)
		return;
	struct cycle_table *t = table_of_global(cm, st->call.args[d->table_arg - 1]);
	if (t && !expr_is_null(st->call.args[d->base_arg - 1]))
		t->has_base = true;
}

/* A table with a base inherits what it leaves out: without its own
 * traverse, whether the collector tracks it is not known here. */
static void apply_bases(struct cycle_model *cm)
{
	for (uint32_t f = 0; f < cm->tu->nfuncs; f++) {
		const struct ir_func *fn = &cm->tu->funcs[f];
		for (uint32_t b = 0; b < fn->nblocks; b++)
			for (uint32_t s = 0; s < fn->blocks[b].nstmts; s++)
				scan_stmt_for_base(cm, &fn->blocks[b].stmts[s]);
	}
	for (uint32_t i = 0; i < cm->ntables; i++) {
		struct cycle_table *t = &cm->tables[i];
		if (t->has_base && !t->fn[MODEL_TT_TRAVERSE])
			t->tracking_known = false;
	}
}

void cycle_build_tables(struct cycle_model *cm)
{
	for (uint32_t i = 0; i < cm->tu->nglobals; i++) {
		const struct model_type_table *d = table_desc(cm, &cm->tu->globals[i]);
		if (d)
			build_table(cm, &cm->tu->globals[i], d);
	}
	apply_bases(cm);
}

/*
 * typegraph.c — the type model of a TU (see cycles.h): object types and
 * the references their instances own, the type tables and what they name,
 * and the ownership graph of types with its transitive closure.
 *
 * Invariants once cycle_model_new returns:
 *  - types[] holds every object struct of the TU except the packs' root
 *    header structs (rc_object, PyObject), which stand for "any object";
 *  - each type's refs are canonical paths (cpath_canon), at most
 *    CYCLE_MAX_REFS, without borrowed, weak-annotated or unowned fields
 *    (weak fields are kept, flagged, because the instance still owns the
 *    weak reference object);
 *  - reach has ntypes + 1 rows; row ntypes is "any object", which can own
 *    anything (a container of unknown type), and every generic reference
 *    points to it.
 */
#include "cycles/cycles_internal.h"

#include "util/arena.h"
#include "util/xalloc.h"

#include <string.h>

#define ANN_BORROWED "rc:borrowed_field"
#define ANN_WEAK "rc:weak_field"

bool cycle_has_annotation(const char *const *anns, uint32_t n, const char *ann)
{
	for (uint32_t i = 0; i < n; i++)
		if (strcmp(anns[i], ann) == 0)
			return true;
	return false;
}

const struct ir_record *cycle_record(const struct cycle_model *cm, const char *name)
{
	return name ? strmap_get(&cm->records, name) : NULL;
}

const struct ir_func *cycle_func(const struct cycle_model *cm, const char *name)
{
	return name ? strmap_get(&cm->funcs, name) : NULL;
}

int32_t cycle_type_index(const struct cycle_model *cm, const char *record)
{
	uintptr_t k = record ? (uintptr_t)strmap_get(&cm->type_index, record) : 0;
	return (int32_t)k - 1;
}

static bool is_root_struct(const struct cycle_model *cm, const char *name)
{
	const char *const *roots;
	uint32_t n = model_object_structs(cm->m, &roots);
	for (uint32_t i = 0; name && i < n; i++)
		if (strcmp(roots[i], name) == 0)
			return true;
	return false;
}

bool cycle_is_object_type(const struct cycle_model *cm, const char *record)
{
	return cycle_type_index(cm, record) >= 0;
}

/* ---- owned references of a type ---- */

struct enum_ctx {
	struct cycle_model *cm;
	struct cycle_type *t;
	const struct ir_record *chain[CPATH_MAX + 1];
	uint32_t nchain;
	struct cycle_ref *refs;
	uint32_t nrefs, cap_refs;
};

static bool field_unowned(const struct cycle_model *cm, const struct ir_field *f)
{
	return cycle_has_annotation(f->annotations, f->nannotations, ANN_BORROWED) ||
	       model_field_unowned(cm->m, f->name);
}

static bool in_chain(const struct enum_ctx *c, const struct ir_record *r)
{
	for (uint32_t i = 0; i < c->nchain; i++)
		if (c->chain[i] == r)
			return true;
	return false;
}

static void refs_of_record(struct enum_ctx *c, const struct ir_record *rec,
                           const struct cpath *path);

static void add_ref(struct enum_ctx *c, const struct ir_field *f, const char *holder,
                    const struct cloc *slot, const struct cpath *path)
{
	if (c->nrefs == CYCLE_MAX_REFS || path->bad)
		return;
	struct cycle_ref r = { 0 };
	r.path = *path;
	r.field = f;
	r.holder = holder;
	r.target = slot->target && !is_root_struct(c->cm, slot->target) ? slot->target : NULL;
	r.array = cpath_has_elem(path);
	r.weak = cycle_has_annotation(f->annotations, f->nannotations, ANN_WEAK);
	VEC_PUSH(c->refs, c->nrefs, c->cap_refs, r);
}

/* The references held at a place of kind `at`, reached by `path` through
 * field f of holder. */
static void refs_of_place(struct enum_ctx *c, const struct ir_field *f, const char *holder,
                          struct cloc at, struct cpath path)
{
	if (path.bad)
		return;
	if (at.kind == CL_RECORD) {
		if (!in_chain(c, at.rec))
			refs_of_record(c, at.rec, &path);
		return;
	}
	if (at.kind != CL_SLOT)
		return;
	if (at.depth == 1 && !at.array) {
		add_ref(c, f, holder, &at, &path);
		return;
	}
	if (at.depth == 0 && !at.elem)
		return;
	cpath_push(&path, CPATH_ELEM);
	refs_of_place(c, f, holder, cloc_elem(c->cm, &at), path);
}

static void refs_of_record(struct enum_ctx *c, const struct ir_record *rec,
                           const struct cpath *path)
{
	c->chain[c->nchain++] = rec;
	for (uint32_t i = 0; i < rec->nfields; i++) {
		const struct ir_field *f = &rec->fields[i];
		if ((i == 0 && cycle_is_header_field(c->cm, f)) || field_unowned(c->cm, f))
			continue;
		struct cpath p = *path;
		cpath_push(&p, f->name);
		if (c->nchain <= CPATH_MAX)
			refs_of_place(c, f, rec->name, cloc_of_type(c->cm, f->ty), p);
	}
	c->nchain--;
}

static void build_type(struct cycle_model *cm, const struct ir_record *rec)
{
	struct cycle_type t = { rec, NULL, 0 };
	struct enum_ctx c = { 0 };
	c.cm = cm;
	c.t = &t;
	struct cpath root = { 0 };
	refs_of_record(&c, rec, &root);
	if (c.nrefs) {
		t.refs = arena_alloc(cm->arena, sizeof(*t.refs) * c.nrefs);
		memcpy(t.refs, c.refs, sizeof(*t.refs) * c.nrefs);
		t.nrefs = c.nrefs;
	}
	free(c.refs);
	VEC_PUSH(cm->types, cm->ntypes, cm->cap_types, t);
	strmap_put(&cm->type_index, rec->name, (void *)(uintptr_t)cm->ntypes);
}

/* ---- the ownership graph ---- */

uint32_t cycle_ref_node(const struct cycle_model *cm, const struct cycle_ref *r)
{
	int32_t k = cycle_type_index(cm, r->target);
	return k >= 0 ? (uint32_t)k : cm->ntypes;
}

bool cycle_reaches(const struct cycle_model *cm, uint32_t from, uint32_t to)
{
	return (cm->reach[(size_t)from * cm->words + to / 64] >> (to % 64)) & 1;
}

static void reach_set(struct cycle_model *cm, uint32_t from, uint32_t to)
{
	cm->reach[(size_t)from * cm->words + to / 64] |= 1ull << (to % 64);
}

/* Direct edges of a node: its non-weak references; "any" owns everything. */
static void direct_edges(struct cycle_model *cm, uint32_t from)
{
	if (from == cm->ntypes) {
		for (uint32_t j = 0; j <= cm->ntypes; j++)
			reach_set(cm, from, j);
		return;
	}
	const struct cycle_type *t = &cm->types[from];
	for (uint32_t i = 0; i < t->nrefs; i++)
		if (!t->refs[i].weak)
			reach_set(cm, from, cycle_ref_node(cm, &t->refs[i]));
}

/* Warshall's closure over bit rows: after round k, row i holds every node
 * reachable from i through intermediate nodes numbered at most k. */
static void build_reach(struct cycle_model *cm)
{
	uint32_t n = cm->ntypes + 1;
	cm->words = (n + 63) / 64;
	cm->reach = arena_alloc(cm->arena, sizeof(uint64_t) * cm->words * n);
	for (uint32_t i = 0; i < n; i++)
		direct_edges(cm, i);
	for (uint32_t k = 0; k < n; k++)
		for (uint32_t i = 0; i < n; i++)
			if (cycle_reaches(cm, i, k))
				for (uint32_t w = 0; w < cm->words; w++)
					cm->reach[(size_t)i * cm->words + w] |= cm->reach[(size_t)k * cm->words + w];
}

/* ---- type tables ---- */

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
		for (int r = 0; r < MODEL_TT__COUNT; r++) {
			const struct ir_init *val = init_member(el, s->value_field);
			if (s->has_id[r] && s->ids[r] == v && leaf_func(val)) {
				t->fn[r] = leaf_func(val);
				t->at[r] = val->loc;
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
		if (r != MODEL_TT_SIZE && r != MODEL_TT_FLAGS)
			t.fn[r] = leaf_func(m);
	}
	if (desc->has_slots)
		read_slots(cm, &t);
	t.tracked = table_tracked(&t);
	t.type = type_from_size(cm, &t);
	static const enum model_tt_role fns[] = { MODEL_TT_DEALLOC, MODEL_TT_TRAVERSE, MODEL_TT_CLEAR };
	for (size_t i = 0; t.type < 0 && i < sizeof(fns) / sizeof(fns[0]); i++)
		t.type = type_from_func(cm, cycle_func(cm, t.fn[fns[i]]), desc->self_arg);
	VEC_PUSH(cm->tables, cm->ntables, cm->cap_tables, t);
}

/* ---- the model ---- */

struct cycle_model *cycle_model_new(const struct ir_tu *tu, struct model_tu *mt)
{
	struct cycle_model *cm = xcalloc(1, sizeof(*cm));
	cm->tu = tu;
	cm->mt = mt;
	cm->m = model_tu_model(mt);
	cm->arena = arena_new();
	for (uint32_t i = 0; i < tu->nrecords; i++)
		if (!strmap_get(&cm->records, tu->records[i].name))
			strmap_put(&cm->records, tu->records[i].name, (void *)&tu->records[i]);
	for (uint32_t i = 0; i < tu->nfuncs; i++)
		if (tu->funcs[i].nblocks && !tu->funcs[i].skipped)
			strmap_put(&cm->funcs, tu->funcs[i].name, (void *)&tu->funcs[i]);
	for (uint32_t i = 0; i < tu->nrecords; i++) {
		const struct ir_record *r = &tu->records[i];
		if (r->is_object && !is_root_struct(cm, r->name) && cycle_type_index(cm, r->name) < 0)
			build_type(cm, r);
	}
	for (uint32_t i = 0; i < tu->nglobals; i++) {
		const struct model_type_table *d = table_desc(cm, &tu->globals[i]);
		if (d)
			build_table(cm, &tu->globals[i], d);
	}
	build_reach(cm);
	return cm;
}

void cycle_model_free(struct cycle_model *cm)
{
	if (!cm)
		return;
	strmap_dispose(&cm->records);
	strmap_dispose(&cm->funcs);
	strmap_dispose(&cm->type_index);
	free(cm->types);
	free(cm->tables);
	arena_free(cm->arena);
	free(cm);
}

/* ---- queries ---- */

enum cycle_tracking cycle_table_tracking(const struct cycle_model *cm, const char *global)
{
	for (uint32_t i = 0; global && i < cm->ntables; i++)
		if (strcmp(cm->tables[i].global->name, global) == 0)
			return cm->tables[i].tracked ? CYCLE_TRACKED : CYCLE_UNTRACKED;
	return CYCLE_UNKNOWN;
}

enum cycle_tracking cycle_record_tracking(const struct cycle_model *cm, const char *record)
{
	int32_t k = cycle_type_index(cm, record);
	enum cycle_tracking got = CYCLE_UNKNOWN;
	for (uint32_t i = 0; k >= 0 && i < cm->ntables; i++) {
		if (cm->tables[i].type != k)
			continue;
		enum cycle_tracking t = cm->tables[i].tracked ? CYCLE_TRACKED : CYCLE_UNTRACKED;
		if (got != CYCLE_UNKNOWN && got != t)
			return CYCLE_UNKNOWN;
		got = t;
	}
	return got;
}

bool cycle_field_owns(const struct cycle_model *cm, const char *record, const char *field)
{
	const struct ir_record *r = cycle_record(cm, record);
	for (uint32_t i = 0; r && field && i < r->nfields; i++) {
		const struct ir_field *f = &r->fields[i];
		if (strcmp(f->name, field) == 0)
			return !field_unowned(cm, f) &&
			       !cycle_has_annotation(f->annotations, f->nannotations, ANN_WEAK);
	}
	return !model_field_unowned(cm->m, field);
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

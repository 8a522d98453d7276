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
	uint8_t group;          /* see cycle_ref.group: set on entering a struct through a pointer */
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
	r.group = c->group;
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
	uint8_t group = c->group;
	if (at.depth == 0 && !at.array && !group)
		c->group = path.n;  /* through a pointer to a struct */
	refs_of_place(c, f, holder, cloc_elem(c->cm, &at), path);
	c->group = group;
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
	struct cycle_type t = { 0 };
	t.rec = rec;
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

bool cycle_ref_done(const struct cycle_type *t, uint32_t i, uint64_t mask)
{
	if (mask & (1ull << i))
		return true;
	const struct cycle_ref *r = &t->refs[i];
	if (!r->array)
		return false;
	/* The elements of one struct type are the same elements, whichever
	 * pointer reaches them (the same field of the same holder). */
	for (uint32_t j = 0; j < t->nrefs; j++) {
		const struct cycle_ref *o = &t->refs[j];
		if ((mask & (1ull << j)) && o->array && o->field == r->field)
			return true;
	}
	return false;
}

/* ---- evidence from dealloc ---- */

/* Do references i and j fall in the same group (same path prefix)? */
static bool same_group(const struct cycle_ref *a, const struct cycle_ref *b)
{
	if (!a->group || a->group != b->group)
		return false;
	for (uint8_t k = 0; k < a->group; k++)
		if (a->path.seg[k] != b->path.seg[k] &&
		    (a->path.seg[k] == CPATH_ELEM || b->path.seg[k] == CPATH_ELEM ||
		     strcmp(a->path.seg[k], b->path.seg[k]) != 0))
			return false;
	return true;
}

/* What the type's analysed deallocs release on some path, and what they
 * leave alone entirely. A dealloc that releases nothing while handing the
 * object to code we do not follow tells nothing. */
static void type_evidence(struct cycle_model *cm, uint32_t k)
{
	struct cycle_type *t = &cm->types[k];
	uint64_t released = 0;
	bool any = false;
	for (uint32_t i = 0; i < cm->ntables; i++) {
		const struct cycle_table *tb = &cm->tables[i];
		if (tb->type != (int32_t)k || !tb->dealloc_run || tb->dealloc.truncated ||
		    (tb->dealloc.delegated && !tb->dealloc.done_any))
			continue;
		any = true;
		for (uint32_t r = 0; r < t->nrefs; r++)
			if (cycle_ref_done(t, r, tb->dealloc.done_any))
				released |= 1ull << r;
	}
	if (!any)
		return;
	for (uint32_t r = 0; r < t->nrefs; r++) {
		if (released & (1ull << r))
			continue;
		t->unreleased |= 1ull << r;
		bool group_released = false;
		for (uint32_t q = 0; q < t->nrefs && t->refs[r].group; q++)
			group_released |= (released & (1ull << q)) && same_group(&t->refs[r], &t->refs[q]);
		if (t->refs[r].group && !group_released)
			t->borrowed |= 1ull << r;
	}
}

/* Where a pack lets finalize release references, what it releases on
 * every path counts for every exit of dealloc (or stands in for it). */
static void add_finalize(struct cycle_model *cm, struct cycle_table *tb)
{
	const struct ir_func *fin = cycle_func(cm, tb->fn[MODEL_TT_FINALIZE]);
	if (!tb->desc->finalize_releases || !fin)
		return;
	struct flow_result f;
	flow_run(cm, tb, fin, FLOW_DEALLOC, &f);
	if (!tb->dealloc_run) {
		tb->dealloc = f;
		tb->dealloc_fn = fin;
		tb->dealloc_run = true;
		return;
	}
	uint64_t must = UINT64_MAX;
	for (uint32_t k = 0; k < f.nexits; k++)
		must &= f.exits[k].done;
	for (uint32_t k = 0; f.nexits && k < tb->dealloc.nexits; k++)
		tb->dealloc.exits[k].done |= must;
	tb->dealloc.done_any |= f.done_any;
	tb->dealloc.truncated |= f.truncated;
	flow_result_dispose(&f);
}

/* Run every table's dealloc once; its result serves the rules too. */
static void gather_evidence(struct cycle_model *cm)
{
	for (uint32_t i = 0; i < cm->ntables; i++) {
		struct cycle_table *tb = &cm->tables[i];
		const struct ir_func *fn = cycle_func(cm, tb->fn[MODEL_TT_DEALLOC]);
		if (tb->type < 0)
			continue;
		if (fn) {
			flow_run(cm, tb, fn, FLOW_DEALLOC, &tb->dealloc);
			tb->dealloc_fn = fn;
			tb->dealloc_run = true;
		}
		add_finalize(cm, tb);
	}
	for (uint32_t k = 0; k < cm->ntypes; k++)
		type_evidence(cm, k);
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
		if (!t->refs[i].weak && !(t->unreleased & (1ull << i)))
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
	cycle_build_tables(cm);
	gather_evidence(cm);
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
	for (uint32_t i = 0; i < cm->ntables; i++)
		flow_result_dispose(&cm->tables[i].dealloc);
	free(cm->types);
	free(cm->tables);
	arena_free(cm->arena);
	free(cm);
}

/* ---- queries ---- */

static enum cycle_tracking table_tracking(const struct cycle_table *t)
{
	if (!t->tracking_known)
		return CYCLE_UNKNOWN;
	return t->tracked ? CYCLE_TRACKED : CYCLE_UNTRACKED;
}

enum cycle_tracking cycle_table_tracking(const struct cycle_model *cm, const char *global)
{
	for (uint32_t i = 0; global && i < cm->ntables; i++)
		if (strcmp(cm->tables[i].global->name, global) == 0)
			return table_tracking(&cm->tables[i]);
	return CYCLE_UNKNOWN;
}

enum cycle_tracking cycle_record_tracking(const struct cycle_model *cm, const char *record)
{
	int32_t k = cycle_type_index(cm, record);
	enum cycle_tracking got = CYCLE_UNKNOWN;
	for (uint32_t i = 0; k >= 0 && i < cm->ntables; i++) {
		if (cm->tables[i].type != k)
			continue;
		enum cycle_tracking t = table_tracking(&cm->tables[i]);
		if (t == CYCLE_UNKNOWN || (got != CYCLE_UNKNOWN && got != t))
			return CYCLE_UNKNOWN;
		got = t;
	}
	return got;
}

bool cycle_field_owns(const struct cycle_model *cm, const char *record, const char *field)
{
	int32_t k = cycle_type_index(cm, record);
	for (uint32_t i = 0; k >= 0 && field && i < cm->types[k].nrefs; i++) {
		const struct cycle_ref *ref = &cm->types[k].refs[i];
		if (ref->path.n == 1 && strcmp(ref->path.seg[0], field) == 0)
			return !ref->weak && !(cm->types[k].unreleased & (1ull << i));
	}
	const struct ir_record *r = cycle_record(cm, record);
	for (uint32_t i = 0; r && field && i < r->nfields; i++) {
		const struct ir_field *f = &r->fields[i];
		if (strcmp(f->name, field) == 0)
			return !field_unowned(cm, f) &&
			       !cycle_has_annotation(f->annotations, f->nannotations, ANN_WEAK);
	}
	return !model_field_unowned(cm->m, field);
}


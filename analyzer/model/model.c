/*
 * model.c — the effect tables and their precedence (see model.h).
 *
 * The run-wide `struct model` maps names to pack entries. A `model_tu`
 * adds, per translation unit, the functions its declarations annotate and
 * the summaries inferred for its own functions, and caches the defaults it
 * had to make up, so each name is resolved once per TU.
 */
#include "model/model.h"
#include "model/model_internal.h"

#include "ir/ir.h"
#include "util/arena.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <string.h>

struct model_tu {
	const struct model *m;
	const struct ir_tu *tu;
	struct arena *arena;
	struct strmap decls;        /* name → const struct ir_decl * */
	struct strmap annotated;    /* name → struct model_fn * (from annotations) */
	struct strmap inferred;     /* name → struct model_fn * */
	struct strmap defaults;     /* name → struct model_fn * (made up once) */
	struct strmap lent;         /* name → (uintptr_t) mask of parameters lent for the call */
	struct strmap addressed;    /* names of the TU's functions used as values */
};

struct model *model_new(void)
{
	struct model *m = xcalloc(1, sizeof(*m));
	m->arena = arena_new();
	return m;
}

void model_free(struct model *m)
{
	if (!m)
		return;
	for (uint32_t i = 0; i < m->npacks; i++)
		model__pack_dispose(&m->packs[i]);
	free(m->packs);
	free(m->object_structs);
	model__types_dispose(&m->types);
	strmap_dispose(&m->fns);
	strmap_dispose(&m->singletons);
	strmap_dispose(&m->fields);
	arena_free(m->arena);
	free(m);
}

uint32_t model_npacks(const struct model *m)
{
	return m->npacks;
}

const struct model_pack_info *model_pack(const struct model *m, uint32_t i)
{
	return i < m->npacks ? &m->packs[i].info : NULL;
}

uint32_t model_object_structs(const struct model *m, const char *const **out)
{
	*out = (const char *const *)m->object_structs;
	return m->nobject_structs;
}

bool model_is_singleton(const struct model *m, const char *global)
{
	return strmap_get(&m->singletons, global) != NULL;
}

bool model_field_is(const struct model *m, const char *record, const char *field,
                    enum model_field_kind kind)
{
	char key[256];
	if (!record || !field || snprintf(key, sizeof(key), "%s.%s", record, field) >= (int)sizeof(key))
		return false;
	return ((uintptr_t)strmap_get(&m->fields, key) & kind) != 0;
}

const struct model_fn *model_pack_lookup(const struct model *m, const char *name)
{
	return strmap_get(&m->fns, name);
}

/* ---- per translation unit ---- */

static struct model_fn *fn_copy(struct arena *a, const struct model_fn *src, const char *name)
{
	struct model_fn *fn = arena_alloc(a, sizeof(*fn));
	if (src)
		*fn = *src;
	fn->name = name;
	return fn;
}

/* Apply every rc: annotation of a declaration on top of what the pack says. */
static void annotate_decl(struct model_tu *mt, const struct ir_decl *d)
{
	const struct model_fn *base = model_pack_lookup(mt->m, d->name);
	struct model_fn *fn = strmap_get(&mt->annotated, d->name);
	bool any = false;
	for (uint32_t i = 0; i < d->nannotations; i++) {
		struct model_fn tmp = fn ? *fn : (base ? *base : (struct model_fn){0});
		struct err e = {0};
		if (model_apply_annotation(&tmp, d->annotations[i], &e) != 0)
			continue;   /* not ours, or malformed: the annotation checker reports those */
		if (!fn)
			fn = fn_copy(mt->arena, &tmp, d->name);
		else
			*fn = tmp;
		any = true;
	}
	if (any) {
		fn->source = MODEL_SRC_ANNOTATION;
		/* rc:may_fail means -1 for functions returning an integer. */
		if (fn->fails == MODEL_FAILS_NULL && d->ret && d->ret->cls == IR_TY_INT)
			fn->fails = MODEL_FAILS_NEGATIVE;
		fn->noreturn = fn->noreturn || d->noreturn;
		strmap_put(&mt->annotated, fn->name, fn);
	}
}

struct model_tu *model_tu_new(const struct model *m, const struct ir_tu *tu)
{
	struct model_tu *mt = xcalloc(1, sizeof(*mt));
	mt->m = m;
	mt->tu = tu;
	mt->arena = arena_new();
	for (uint32_t i = 0; tu && i < tu->ndecls; i++) {
		const struct ir_decl *d = &tu->decls[i];
		const struct ir_decl *prev = strmap_get(&mt->decls, d->name);
		/* Prefer the definition; keep the first declaration otherwise. */
		if (!prev || (d->defined && !prev->defined))
			strmap_put(&mt->decls, d->name, (void *)d);
		if (d->nannotations)
			annotate_decl(mt, d);
	}
	return mt;
}

void model_tu_free(struct model_tu *mt)
{
	if (!mt)
		return;
	strmap_dispose(&mt->decls);
	strmap_dispose(&mt->annotated);
	strmap_dispose(&mt->inferred);
	strmap_dispose(&mt->defaults);
	strmap_dispose(&mt->lent);
	strmap_dispose(&mt->addressed);
	arena_free(mt->arena);
	free(mt);
}

const struct model *model_tu_model(const struct model_tu *mt)
{
	return mt->m;
}

void model_tu_set_inferred(struct model_tu *mt, const struct model_fn *fn)
{
	const char *name = arena_strdup(mt->arena, fn->name);
	struct model_fn *copy = fn_copy(mt->arena, fn, name);
	copy->source = MODEL_SRC_INFERRED;
	strmap_put(&mt->inferred, name, copy);
}

void model_tu_set_lent_params(struct model_tu *mt, const char *name, uint32_t mask)
{
	uintptr_t old = (uintptr_t)strmap_get(&mt->lent, name);
	if (!old)
		name = arena_strdup(mt->arena, name);
	strmap_put(&mt->lent, name, (void *)(old | mask));
}

uint32_t model_tu_params_lent(const struct model_tu *mt, const char *name)
{
	return (uint32_t)(uintptr_t)strmap_get(&mt->lent, name);
}

void model_tu_set_address_taken(struct model_tu *mt, const char *name)
{
	if (!strmap_get(&mt->addressed, name))
		strmap_put(&mt->addressed, arena_strdup(mt->arena, name), (void *)1);
}

bool model_tu_address_taken(const struct model_tu *mt, const char *name)
{
	return strmap_get(&mt->addressed, name) != NULL;
}

/* The convention of CPython's API and of ours: a function returning an
 * object pointer returns a new reference, or NULL on failure. */
static struct model_fn *make_default(struct model_tu *mt, const char *name)
{
	const char *key = arena_strdup(mt->arena, name);
	struct model_fn *fn = fn_copy(mt->arena, NULL, key);
	const struct ir_decl *d = strmap_get(&mt->decls, name);
	fn->source = MODEL_SRC_DEFAULT;
	if (d && d->ret && d->ret->obj_depth == 1) {
		fn->returns = MODEL_RET_NEW;
		fn->fails = MODEL_FAILS_NULL;
	} else {
		fn->returns = d ? MODEL_RET_NONE : MODEL_RET_UNKNOWN;
		fn->fails = MODEL_FAILS_UNKNOWN;
	}
	fn->noreturn = d && d->noreturn;
	strmap_put(&mt->defaults, key, fn);
	return fn;
}

const struct model_fn *model_tu_lookup(struct model_tu *mt, const char *name)
{
	const struct model_fn *fn;
	if ((fn = strmap_get(&mt->annotated, name)))
		return fn;
	if ((fn = model_pack_lookup(mt->m, name)))
		return fn;
	if ((fn = strmap_get(&mt->inferred, name)))
		return fn;
	if ((fn = strmap_get(&mt->defaults, name)))
		return fn;
	return make_default(mt, name);
}

bool model_tu_is_declared(struct model_tu *mt, const char *name)
{
	return strmap_get(&mt->annotated, name) || model_pack_lookup(mt->m, name);
}

const char *model_returns_name(enum model_returns r)
{
	switch (r) {
	case MODEL_RET_NEW: return "new";
	case MODEL_RET_BORROWED: return "borrowed";
	case MODEL_RET_NONE: return "none";
	case MODEL_RET_NULL: return "null";
	case MODEL_RET_FIELD: return "field";
	case MODEL_RET_OPAQUE: return "opaque";
	default: return "unknown";
	}
}

const char *model_prim_name(enum model_prim p)
{
	static const char *const names[] = {
		[MODEL_PRIM_NONE] = "none", [MODEL_PRIM_INCREF] = "incref",
		[MODEL_PRIM_XINCREF] = "xincref", [MODEL_PRIM_DECREF] = "decref",
		[MODEL_PRIM_XDECREF] = "xdecref", [MODEL_PRIM_NEWREF] = "newref",
		[MODEL_PRIM_XNEWREF] = "xnewref",
	};
	return (unsigned)p < sizeof(names) / sizeof(names[0]) ? names[p] : "?";
}

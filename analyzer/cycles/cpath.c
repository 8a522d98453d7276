/*
 * cpath.c — access paths into an instance and what lies at them (see
 * cycles_internal.h). Used by typegraph.c to enumerate the references an
 * instance owns and by flow.c to name the places a dealloc, traverse or
 * clear releases, visits or overwrites; both go through cpath_canon, so
 * equal places compare equal.
 */
#include "cycles/cycles_internal.h"

#include <string.h>

const char cpath_elem[] = "[]";

void cpath_push(struct cpath *p, const char *seg)
{
	if (p->n == CPATH_MAX) {
		p->bad = true;
		return;
	}
	p->seg[p->n++] = seg;
}

static bool seg_eq(const char *a, const char *b)
{
	if (a == CPATH_ELEM || b == CPATH_ELEM)
		return a == b;
	return strcmp(a, b) == 0;
}

bool cpath_eq(const struct cpath *a, const struct cpath *b)
{
	if (a->bad || b->bad || a->n != b->n)
		return false;
	for (uint8_t i = 0; i < a->n; i++)
		if (!seg_eq(a->seg[i], b->seg[i]))
			return false;
	return true;
}

bool cpath_prefix(const struct cpath *pre, const struct cpath *p)
{
	if (pre->bad || p->bad || pre->n > p->n)
		return false;
	for (uint8_t i = 0; i < pre->n; i++)
		if (!seg_eq(pre->seg[i], p->seg[i]))
			return false;
	return true;
}

bool cpath_has_elem(const struct cpath *p)
{
	for (uint8_t i = 0; i < p->n; i++)
		if (p->seg[i] == CPATH_ELEM)
			return true;
	return false;
}

void cpath_text(const struct cpath *p, const char *root, struct strbuf *out)
{
	sb_add(out, root);
	for (uint8_t i = 0; i < p->n; i++) {
		if (p->seg[i] == CPATH_ELEM) {
			sb_add(out, "[]");
			continue;
		}
		/* The first step is through the object pointer, later ones through a
		 * struct value unless they follow a pointer ("[]"). */
		sb_add(out, i == 0 ? "->" : ".");
		sb_add(out, p->seg[i]);
	}
}

bool cycle_is_header_field(const struct cycle_model *cm, const struct ir_field *f)
{
	if (!f->ty || f->ty->cls != IR_TY_RECORD || !f->ty->record)
		return false;
	const struct ir_record *r = cycle_record(cm, f->ty->record);
	if (r && r->is_object)
		return true;
	const char *const *roots;
	uint32_t n = model_object_structs(cm->m, &roots);
	for (uint32_t i = 0; i < n; i++)
		if (strcmp(roots[i], f->ty->record) == 0)
			return true;
	return false;
}

static struct cloc cloc_of_record(const struct cycle_model *cm, const char *name)
{
	struct cloc l = { 0 };
	const struct ir_record *r = name ? cycle_record(cm, name) : NULL;
	if (!r)
		return l;
	l.kind = r->is_object ? CL_OBJECT : CL_RECORD;
	l.rec = r;
	return l;
}

struct cloc cloc_of_type(const struct cycle_model *cm, const struct ir_type *ty)
{
	struct cloc l = { 0 };
	if (!ty)
		return l;
	if (ty->cls == IR_TY_RECORD)
		return cloc_of_record(cm, ty->record);
	if (ty->cls != IR_TY_PTR && ty->cls != IR_TY_ARRAY)
		return l;
	l.kind = CL_SLOT;
	l.depth = ty->obj_depth;
	l.array = ty->cls == IR_TY_ARRAY;
	l.target = ty->obj_depth ? ty->record : NULL;
	l.elem = ty->obj_depth ? NULL : ty->elem_record;
	return l;
}

struct cloc cloc_elem(const struct cycle_model *cm, const struct cloc *slot)
{
	struct cloc l = { 0 };
	if (slot->kind != CL_SLOT)
		return l;
	if (slot->depth == 0)
		return cloc_of_record(cm, slot->elem);
	if (slot->array || slot->depth >= 2) {
		l = *slot;
		l.array = false;
		if (!slot->array)
			l.depth--;
		return l;
	}
	/* A pointer to one object: the pointee is another instance. */
	l.kind = CL_OBJECT;
	l.rec = slot->target ? cycle_record(cm, slot->target) : NULL;
	return l;
}

static const struct ir_field *find_field(const struct ir_record *r, const char *name)
{
	for (uint32_t i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].name, name) == 0)
			return &r->fields[i];
	return NULL;
}

/* Where a walk has been: the record entered after each prefix length. */
struct walk {
	struct cpath out;
	struct cloc at;
	const struct ir_record *seen[CPATH_MAX + 1];
	uint8_t seen_len[CPATH_MAX + 1];
	uint8_t nseen;
	bool foreign;
};

/* Entering a plain record already on the path: cut back to its first visit. */
static void walk_enter(struct walk *w)
{
	if (w->at.kind != CL_RECORD)
		return;
	for (uint8_t i = 0; i < w->nseen; i++) {
		if (w->seen[i] == w->at.rec) {
			w->out.n = w->seen_len[i];
			w->nseen = i + 1;
			return;
		}
	}
	if (w->nseen <= CPATH_MAX) {
		w->seen[w->nseen] = w->at.rec;
		w->seen_len[w->nseen++] = w->out.n;
	}
}

static void walk_step(const struct cycle_model *cm, struct walk *w, const char *seg)
{
	if (w->at.kind == CL_UNKNOWN) {
		cpath_push(&w->out, seg);
		return;
	}
	if (seg == CPATH_ELEM) {
		cpath_push(&w->out, seg);
		w->at = cloc_elem(cm, &w->at);
		w->foreign = w->foreign || w->at.kind == CL_OBJECT;
		walk_enter(w);
		return;
	}
	const struct ir_field *f = NULL;
	if ((w->at.kind == CL_OBJECT || w->at.kind == CL_RECORD) && w->at.rec)
		f = find_field(w->at.rec, seg);
	if (f && w->at.kind == CL_OBJECT && f == &w->at.rec->fields[0] &&
	    cycle_is_header_field(cm, f))
		return;     /* &obj->ob_base is obj itself */
	cpath_push(&w->out, seg);
	w->at = f ? cloc_of_type(cm, f->ty) : (struct cloc){ 0 };
	walk_enter(w);
}

struct cpath cpath_canon(const struct cycle_model *cm, const struct ir_record *root,
                         const struct cpath *p, struct cloc *at)
{
	struct walk w = { 0 };
	w.at.kind = root ? CL_OBJECT : CL_UNKNOWN;
	w.at.rec = root;
	w.out.bad = p->bad;
	for (uint8_t i = 0; i < p->n && !w.out.bad; i++)
		walk_step(cm, &w, p->seg[i]);
	if (at) {
		*at = w.out.bad ? (struct cloc){ 0 } : w.at;
		at->foreign = w.foreign;
	}
	return w.out;
}

const char *cycle_translate_field(const struct cycle_model *cm, const struct ir_record *actual,
                                  const char *static_rec, const char *name)
{
	if (!actual || !static_rec || strcmp(actual->name, static_rec) == 0 ||
	    find_field(actual, name))
		return name;
	const struct ir_record *s = cycle_record(cm, static_rec);
	for (uint32_t i = 0; s && i < s->nfields && i < actual->nfields; i++)
		if (strcmp(s->fields[i].name, name) == 0)
			return actual->fields[i].name;
	return name;
}

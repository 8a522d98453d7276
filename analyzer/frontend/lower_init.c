/*
 * lower_init.c — brace initialisers, mapped onto the object they
 * initialise following C11 6.7.9: positional elements take the next
 * member (unnamed bit-fields skipped, one member for a union), a
 * designator moves the position, and an element that is not a braced list
 * and does not match an aggregate member's type initialises that member's
 * own members (brace elision) from the same list.
 *
 * libclang shows only the syntactic form of an initialiser list, so this
 * mapping is ours to do. One walk serves two uses:
 *  - a static initialiser (global) becomes an ir_init tree in which every
 *    positional element carries the member name it initialises (ir.h);
 *  - a local `T x = { … }` or compound literal becomes one assignment per
 *    element, `x.f = v` / `x[i] = v`, in order (calls flattened as usual).
 */
#include "fe_internal.h"

#include "../util/arena.h"
#include "../util/xalloc.h"

#include <string.h>

struct ivec {
	struct ir_init *v;
	uint32_t n, cap;
};

struct ictx {
	struct lower *lw;
	bool build;     /* build the tree (static), else emit assignments */
};

static bool is_array_type(CXType canon)
{
	return canon.kind == CXType_ConstantArray || canon.kind == CXType_IncompleteArray ||
	       canon.kind == CXType_VariableArray || canon.kind == CXType_DependentSizedArray;
}

static bool is_aggregate(CXType ty)
{
	CXType canon = clang_getCanonicalType(ty);
	return canon.kind == CXType_Record || is_array_type(canon);
}

static CXType element_type(CXType ty)
{
	CXType e = clang_getArrayElementType(ty);
	if (e.kind == CXType_Invalid)
		e = clang_getArrayElementType(clang_getCanonicalType(ty));
	return e;
}

/* Does the element initialise a whole object of type ty by itself? */
static bool matches(CXCursor e, CXType ty)
{
	CXType et = clang_getUnqualifiedType(clang_getCanonicalType(clang_getCursorType(e)));
	CXType tt = clang_getUnqualifiedType(clang_getCanonicalType(ty));
	if (clang_equalTypes(et, tt))
		return true;
	return is_array_type(tt) && clang_getCursorKind(fe_strip(e)) == CXCursor_StringLiteral;
}

/* `.f = v` and `[i] = v` are UnexposedExprs (DesignatedInitExpr) whose
 * children are the designators (MemberRef, index expressions) and then
 * the value. */
static bool is_designated(struct lower *lw, CXCursor e, struct kids *k)
{
	if (clang_getCursorKind(e) != CXCursor_UnexposedExpr)
		return false;
	lw_kids(lw, k, e);
	bool yes = k->n >= 2 && (clang_getCursorKind(k->v[0]) == CXCursor_MemberRef ||
	                         clang_getCursorType(e).kind == CXType_Void);
	if (!yes)
		kids_dispose(k);
	return yes;
}

static struct ir_expr *field_lv(struct ictx *ic, struct ir_expr *lv, const char *name, CXType fty)
{
	if (!lv)
		return NULL;
	const struct ir_type *ty = fe_type(ic->lw->t, fty);
	if (!*name) { /* anonymous struct/union member: its fields are the parent's */
		struct ir_expr *e = ir_expr_copy(ic->lw->tu, lv);
		e->ty = ty;
		return e;
	}
	struct ir_expr *e = ir_expr_field(ic->lw->tu, lv, name, false, ty);
	e->loc = lv->loc;
	return e;
}

static struct ir_expr *index_lv(struct ictx *ic, struct ir_expr *lv, int64_t idx, CXType ety)
{
	if (!lv)
		return NULL;
	struct ir_expr *i = ir_expr_int(ic->lw->tu, idx);
	struct ir_expr *e = ir_expr_binary(ic->lw->tu, IR_E_INDEX, IR_OP_NONE, lv, i,
	                                   fe_type(ic->lw->t, ety));
	e->loc = lv->loc;
	return e;
}

static void push(struct ictx *ic, struct ivec *out, struct ir_init *nd, struct ivec *sub)
{
	if (sub && sub->n) {
		nd->elems = arena_alloc(ic->lw->tu->arena, sizeof(*nd->elems) * sub->n);
		memcpy(nd->elems, sub->v, sizeof(*nd->elems) * sub->n);
		nd->nelems = sub->n;
	}
	if (sub)
		free(sub->v);
	if (out)
		VEC_PUSH(out->v, out->n, out->cap, *nd);
}

static void leaf(struct ictx *ic, struct ir_expr *lv, CXCursor e, struct ir_init *nd)
{
	if (ic->build)
		nd->expr = lw_expr(ic->lw, e, WANT_VALUE);
	else if (lv)
		lw_store(ic->lw, lv, e, fe_loc(ic->lw->t, e));
}

static void fill(struct ictx *ic, CXType ty, struct ir_expr *lv, CXCursor *elems, unsigned n,
                 unsigned *pos, bool braced, struct ivec *out);

/* Initialise one object of type ty (a member or array element) from
 * elems[*pos], consuming as many elements as it takes. */
static void element(struct ictx *ic, CXType ty, struct ir_expr *lv, const char *field,
                    int64_t index, CXCursor *elems, unsigned n, unsigned *pos, struct ivec *out)
{
	CXCursor e = elems[*pos];
	struct ir_init nd = { 0 };
	nd.field = field;
	nd.index = index;
	nd.loc = fe_loc(ic->lw->t, e);
	struct ivec sub = { 0 };
	struct ivec *subp = out ? &sub : NULL;
	if (clang_getCursorKind(e) == CXCursor_InitListExpr) {
		struct kids k;
		lw_kids_code(ic->lw, &k, e);
		unsigned p = 0;
		if (is_aggregate(ty))
			fill(ic, ty, lv, k.v, k.n, &p, true, subp);
		else if (k.n)
			leaf(ic, lv, k.v[0], &nd); /* int x = { 5 }; */
		kids_dispose(&k);
		(*pos)++;
	} else if (is_aggregate(ty) && !matches(e, ty)) {
		fill(ic, ty, lv, elems, n, pos, false, subp);
	} else {
		leaf(ic, lv, e, &nd);
		(*pos)++;
	}
	push(ic, out, &nd, subp);
}

static enum CXVisitorResult collect_field(CXCursor c, CXClientData arg)
{
	kids_push(arg, c);
	return CXVisit_Continue;
}

static int field_index(const struct kids *fields, CXCursor decl)
{
	for (unsigned i = 0; i < fields->n; i++)
		if (clang_equalCursors(fields->v[i], decl))
			return (int)i;
	return 0;
}

/* The designator chain d[i..nd-1] applied to an object of type ty, value
 * last; returns the position the first designator selected. */
static int64_t designate(struct ictx *ic, CXType ty, struct ir_expr *lv, CXCursor *d, unsigned i,
                         unsigned nd, CXCursor value, struct ivec *out)
{
	CXType canon = clang_getCanonicalType(ty);
	CXType sub_ty;
	struct ir_expr *sub_lv;
	const char *field = NULL;
	int64_t index = 0;
	if (clang_getCursorKind(d[i]) == CXCursor_MemberRef) {
		CXCursor fdecl = clang_getCursorReferenced(d[i]);
		struct kids fields;
		kids_init(&fields);
		clang_Type_visitFields(canon, collect_field, &fields);
		index = field_index(&fields, fdecl);
		kids_dispose(&fields);
		field = fe_spelling(ic->lw->t, d[i]);
		sub_ty = clang_getCursorType(fdecl);
		sub_lv = field_lv(ic, lv, field, sub_ty);
	} else {
		CXEvalResult r = clang_Cursor_Evaluate(d[i]);
		if (r && clang_EvalResult_getKind(r) == CXEval_Int)
			index = clang_EvalResult_getAsLongLong(r);
		if (r)
			clang_EvalResult_dispose(r);
		sub_ty = element_type(ty);
		/* GNU [lo ... hi]: a second index expression that cannot index
		 * the element type is the range's end; we keep lo. */
		if (i + 1 < nd && clang_getCursorKind(d[i + 1]) != CXCursor_MemberRef &&
		    !is_array_type(clang_getCanonicalType(sub_ty)))
			i++;
		sub_lv = index_lv(ic, lv, index, sub_ty);
	}
	if (i + 1 >= nd) {
		unsigned p = 0;
		element(ic, sub_ty, sub_lv, field, index, &value, 1, &p, out);
	} else {
		struct ir_init node = { 0 };
		node.field = field;
		node.index = index;
		node.loc = fe_loc(ic->lw->t, d[i]);
		struct ivec sub = { 0 };
		designate(ic, sub_ty, sub_lv, d, i + 1, nd, value, out ? &sub : NULL);
		push(ic, out, &node, out ? &sub : NULL);
	}
	return index;
}

enum designated { DESIGNATED_NOT, DESIGNATED_STOP, DESIGNATED_TAKEN };

/* A designated element e of a list of type ty: in a braced list it is
 * placed (TAKEN, *next the position after it); an elided sub-list stops
 * there for its braced parent to place it (STOP). */
static enum designated take_designated(struct ictx *ic, CXType ty, struct ir_expr *lv, CXCursor e,
                                       bool braced, struct ivec *out, int64_t *next)
{
	struct kids d;
	if (!is_designated(ic->lw, e, &d))
		return DESIGNATED_NOT;
	enum designated r = DESIGNATED_STOP;
	if (braced) {
		*next = designate(ic, ty, lv, d.v, 0, d.n - 1, d.v[d.n - 1], out) + 1;
		r = DESIGNATED_TAKEN;
	}
	kids_dispose(&d);
	return r;
}

static void fill_record(struct ictx *ic, CXType ty, struct ir_expr *lv, CXCursor *elems,
                        unsigned n, unsigned *pos, bool braced, struct ivec *out)
{
	CXType canon = clang_getCanonicalType(ty);
	bool is_union = clang_getCursorKind(clang_getTypeDeclaration(canon)) == CXCursor_UnionDecl;
	struct kids fields;
	kids_init(&fields);
	clang_Type_visitFields(canon, collect_field, &fields);
	unsigned fi = 0;
	while (*pos < n && !ic->lw->too_deep) {
		CXCursor e = elems[*pos];
		int64_t next;
		enum designated dz = take_designated(ic, ty, lv, e, braced, out, &next);
		if (dz == DESIGNATED_STOP)
			break; /* the enclosing braced list places it */
		if (dz == DESIGNATED_TAKEN) {
			fi = (unsigned)next;
			(*pos)++;
			continue;
		}
		while (fi < fields.n && clang_Cursor_isBitField(fields.v[fi]) &&
		       !*fe_spelling(ic->lw->t, fields.v[fi]))
			fi++;
		if (fi >= fields.n || (is_union && fi >= 1)) {
			if (!braced)
				break;
			(*pos)++; /* excess initialiser (clang warned) */
			continue;
		}
		CXCursor f = fields.v[fi];
		CXType fty = clang_getCursorType(f);
		const char *name = fe_field_name(ic->lw->t, f);
		element(ic, fty, field_lv(ic, lv, name, fty), name, fi, elems, n, pos, out);
		fi++;
	}
	kids_dispose(&fields);
}

static void fill_array(struct ictx *ic, CXType ty, struct ir_expr *lv, CXCursor *elems,
                       unsigned n, unsigned *pos, bool braced, struct ivec *out)
{
	CXType canon = clang_getCanonicalType(ty);
	long long size = canon.kind == CXType_ConstantArray ? clang_getArraySize(canon) : -1;
	CXType ety = element_type(ty);
	int64_t idx = 0;
	while (*pos < n && !ic->lw->too_deep) {
		CXCursor e = elems[*pos];
		int64_t next;
		enum designated dz = take_designated(ic, ty, lv, e, braced, out, &next);
		if (dz == DESIGNATED_STOP)
			break;
		if (dz == DESIGNATED_TAKEN) {
			idx = next;
			(*pos)++;
			continue;
		}
		if (size >= 0 && idx >= size) {
			if (!braced)
				break;
			(*pos)++;
			continue;
		}
		element(ic, ety, index_lv(ic, lv, idx, ety), NULL, idx, elems, n, pos, out);
		idx++;
	}
}

static void fill(struct ictx *ic, CXType ty, struct ir_expr *lv, CXCursor *elems, unsigned n,
                 unsigned *pos, bool braced, struct ivec *out)
{
	if (!lw_enter(ic->lw))
		return;
	CXType canon = clang_getCanonicalType(ty);
	if (canon.kind == CXType_Record)
		fill_record(ic, ty, lv, elems, n, pos, braced, out);
	else if (is_array_type(canon))
		fill_array(ic, ty, lv, elems, n, pos, braced, out);
	else if (*pos < n)
		element(ic, ty, lv, NULL, 0, elems, n, pos, out);
	lw_leave(ic->lw);
}

void lw_init_list(struct lower *lw, struct ir_expr *obj, CXCursor list, CXType ty)
{
	struct ictx ic = { lw, false };
	struct kids k;
	lw_kids_code(lw, &k, list);
	unsigned pos = 0;
	fill(&ic, ty, obj, k.v, k.n, &pos, true, NULL);
	kids_dispose(&k);
}

struct ir_init *fe_global_init(struct fe_tu *t, CXCursor init, CXType ty)
{
	struct lower lw = { 0 };
	lw.t = t;
	lw.tu = t->tu;
	lw.brk = lw.cont = FE_NO_BLOCK;
	struct ictx ic = { &lw, true };
	struct ir_init *root = arena_alloc(t->tu->arena, sizeof(*root));
	root->loc = fe_loc(t, init);
	if (clang_getCursorKind(init) == CXCursor_InitListExpr) {
		struct kids k;
		lw_kids_code(&lw, &k, init);
		unsigned pos = 0;
		struct ivec elems = { 0 };
		fill(&ic, ty, NULL, k.v, k.n, &pos, true, &elems);
		kids_dispose(&k);
		push(&ic, NULL, root, &elems);
	} else {
		root->expr = lw_expr(&lw, init, WANT_VALUE);
	}
	return root;
}

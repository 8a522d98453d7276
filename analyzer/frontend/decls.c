/*
 * decls.c — the top-level pass over a translation unit: one visit of the
 * TU cursor's children (never recursive: bodies are lowering's business).
 *
 *  - every FunctionDecl, in any file, becomes one ir_decl per name, the
 *    redeclarations merged (annotations united, `defined` and `noreturn`
 *    or-ed), because an annotation may sit on the header's prototype and
 *    the body in the main file;
 *  - struct and union definitions in the main file, and object structs
 *    anywhere, become ir_records with their fields and field annotations;
 *  - file-scope variables become ir_globals (those of the main file, and
 *    those elsewhere whose type involves objects, e.g. extern type
 *    objects), with their static initialisers;
 *  - function definitions whose expansion location is in the main file are
 *    collected, in source order, for lowering.
 */
#include "fe_internal.h"

#include "../util/arena.h"
#include "../util/xalloc.h"

#include <string.h>

/* Functions of libc (and CPython) that never return, for headers that do
 * not say so. */
static const char *const noreturn_names[] = {
	"abort", "exit", "_exit", "_Exit", "quick_exit", "__assert_fail",
	"__assert_perror_fail", "__assert_rtn", "__assert", "longjmp", "siglongjmp",
	"_longjmp", "__longjmp_chk", "pthread_exit", "thrd_exit", "err", "errx", "verr",
	"verrx", "__builtin_unreachable", "__builtin_trap", "__stack_chk_fail",
	"__fortify_fail", "__chk_fail", "Py_FatalError", "_Py_FatalErrorFunc",
	"_Py_FatalErrorFormat", "Py_Exit",
};

static uint64_t decl_key(CXCursor c)
{
	return (uint64_t)(uintptr_t)c.data[0];
}

struct attr_scan {
	struct fe_tu *t;
	bool noreturn;
	const char **ann;
	uint32_t n, cap;
};

/* `_Noreturn` (and C23 `[[noreturn]]`) are declaration attributes that
 * libclang shows only as an UnexposedAttr: read the attribute's first token
 * where it is spelled (inside a macro definition if it came from one). */
static bool attr_is_noreturn(struct fe_tu *t, CXCursor attr)
{
	CXSourceLocation loc = clang_getRangeStart(clang_getCursorExtent(attr));
	CXFile f;
	unsigned off;
	clang_getSpellingLocation(loc, &f, NULL, NULL, &off);
	return f && (fe_word_at(t, f, off, "_Noreturn") || fe_word_at(t, f, off, "noreturn") ||
	             fe_word_at(t, f, off, "__noreturn__"));
}

static enum CXChildVisitResult scan_attrs(CXCursor c, CXCursor parent, CXClientData arg)
{
	(void)parent;
	struct attr_scan *a = arg;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_AnnotateAttr) {
		const char *s = fe_spelling(a->t, c);
		VEC_PUSH(a->ann, a->n, a->cap, s);
	} else if (k == CXCursor_UnexposedAttr && !a->noreturn &&
	           !clang_Location_isInSystemHeader(clang_getCursorLocation(c))) {
		/* System headers say noreturn in the function type (glibc's
		 * __attribute__ ((__noreturn__))), and their attributes are
		 * many (__THROW, __nonnull …): reading a token for each costs. */
		a->noreturn = attr_is_noreturn(a->t, c);
	}
	return CXChildVisit_Continue;
}

static void scan(struct fe_tu *t, CXCursor c, struct attr_scan *a)
{
	memset(a, 0, sizeof(*a));
	a->t = t;
	if (clang_Cursor_hasAttrs(c))
		clang_visitChildren(c, scan_attrs, a);
}

static void take_annotations(struct fe_tu *t, struct attr_scan *a, const char ***out, uint32_t *n);

void fe_annotations(struct fe_tu *t, CXCursor c, const char ***out, uint32_t *n)
{
	struct attr_scan a;
	scan(t, c, &a);
	take_annotations(t, &a, out, n);
}

/* Noreturn by the type, the attributes already scanned (a, or NULL to
 * scan them now), or the libc names. Cached per declaration. */
static bool decl_noreturn(struct fe_tu *t, CXCursor fn, const struct attr_scan *scanned)
{
	uint64_t v;
	if (u64map_get(&t->noreturn_decls, decl_key(fn), &v))
		return v != 0;
	bool yes = fe_type_noreturn(t, clang_getCursorType(fn));
	if (!yes && scanned) {
		yes = scanned->noreturn;
	} else if (!yes) {
		struct attr_scan a;
		scan(t, fn, &a);
		free(a.ann);
		yes = a.noreturn;
	}
	if (!yes) {
		CXString s = clang_getCursorSpelling(fn);
		const char *name = clang_getCString(s);
		for (size_t i = 0; name && i < sizeof(noreturn_names) / sizeof(noreturn_names[0]); i++)
			if (strcmp(name, noreturn_names[i]) == 0)
				yes = true;
		clang_disposeString(s);
	}
	u64map_put(&t->noreturn_decls, decl_key(fn), yes);
	return yes;
}

bool fe_decl_noreturn(struct fe_tu *t, CXCursor fn)
{
	return decl_noreturn(t, fn, NULL);
}

/* The annotations of a scan, moved into the arena. */
static void take_annotations(struct fe_tu *t, struct attr_scan *a, const char ***out, uint32_t *n)
{
	*n = a->n;
	*out = NULL;
	if (a->n) {
		*out = arena_alloc(t->tu->arena, sizeof(**out) * a->n);
		memcpy(*out, a->ann, sizeof(**out) * a->n);
	}
	free(a->ann);
	a->ann = NULL;
}

/* Union of two annotation lists (order of first appearance kept). */
static void merge_annotations(struct fe_tu *t, struct ir_decl *d, const char **add, uint32_t nadd)
{
	uint32_t extra = 0;
	for (uint32_t i = 0; i < nadd; i++) {
		bool seen = false;
		for (uint32_t j = 0; j < d->nannotations && !seen; j++)
			seen = strcmp(d->annotations[j], add[i]) == 0;
		if (!seen)
			add[extra++] = add[i];
	}
	if (!extra)
		return;
	const char **all = arena_alloc(t->tu->arena, sizeof(*all) * (d->nannotations + extra));
	if (d->nannotations)
		memcpy(all, d->annotations, sizeof(*all) * d->nannotations);
	memcpy(all + d->nannotations, add, sizeof(*all) * extra);
	d->annotations = all;
	d->nannotations += extra;
}

static void add_decl(struct fe_tu *t, CXCursor c, bool main, struct kids *defs)
{
	const char *name = fe_spelling(t, c);
	bool defined = main && clang_isCursorDefinition(c);
	struct attr_scan a;
	scan(t, c, &a);
	bool noreturn = decl_noreturn(t, c, &a);
	const char **ann;
	uint32_t nann;
	take_annotations(t, &a, &ann, &nann);
	uint64_t idx;
	if (namemap_get(&t->decls, name, &idx)) {
		struct ir_decl *d = &t->tu->decls[idx];
		d->defined |= defined;
		d->noreturn |= noreturn;
		merge_annotations(t, d, ann, nann);
	} else {
		CXType fty = clang_getCursorType(c);
		struct ir_decl d = { 0 };
		d.name = name;
		d.loc = fe_name_loc(t, c, name);
		d.ret = fe_type(t, clang_getResultType(fty));
		int np = clang_getNumArgTypes(fty);
		if (np > 0) {
			d.params = arena_alloc(t->tu->arena, sizeof(*d.params) * (size_t)np);
			for (int i = 0; i < np; i++)
				d.params[i] = fe_type(t, clang_getArgType(fty, (unsigned)i));
			d.nparams = (uint32_t)np;
		}
		d.variadic = clang_isFunctionTypeVariadic(fty) != 0;
		d.noreturn = noreturn;
		d.defined = defined;
		d.annotations = ann;
		d.nannotations = nann;
		VEC_PUSH(t->tu->decls, t->tu->ndecls, t->tu->cap_decls, d);
		namemap_put(&t->decls, name, t->tu->ndecls - 1);
	}
	if (defined)
		kids_push(defs, c);
}

struct field_scan {
	struct fe_tu *t;
	struct ir_field *v;
	uint32_t n, cap;
};

static int64_t array_len(CXType ty)
{
	CXType c = clang_getCanonicalType(ty);
	switch (c.kind) {
	case CXType_ConstantArray:
		return clang_getArraySize(c);
	case CXType_IncompleteArray:
	case CXType_VariableArray:
	case CXType_DependentSizedArray:
		return -1;
	default:
		return 0;
	}
}

static enum CXVisitorResult field_visit(CXCursor c, CXClientData arg)
{
	struct field_scan *fs = arg;
	struct ir_field f = { 0 };
	CXType ty = clang_getCursorType(c);
	f.name = fe_field_name(fs->t, c);
	f.ty = fe_type(fs->t, ty);
	f.loc = fe_name_loc(fs->t, c, f.name);
	f.array_len = array_len(ty);
	fe_annotations(fs->t, c, &f.annotations, &f.nannotations);
	VEC_PUSH(fs->v, fs->n, fs->cap, f);
	return CXVisit_Continue;
}

static enum CXChildVisitResult nested_records(CXCursor c, CXCursor parent, CXClientData arg);

static void maybe_add_record(struct fe_tu *t, CXCursor c, bool main)
{
	if (u64map_get(&t->records, decl_key(c), NULL))
		return;
	CXType ty = clang_getCursorType(c);
	bool object = fe_record_is_object(t, ty);
	if (!main && !object)
		return;
	const char *name = fe_record_name(t, ty);
	u64map_put(&t->records, decl_key(c), t->tu->nrecords);
	if (!name)
		return;
	struct ir_record r = { 0 };
	r.name = name;
	r.loc = fe_name_loc(t, c, name);
	r.is_object = object;
	r.in_main_file = main;
	struct field_scan fs = { .t = t };
	clang_Type_visitFields(clang_getCanonicalType(ty), field_visit, &fs);
	if (fs.n) {
		r.fields = arena_alloc(t->tu->arena, sizeof(*r.fields) * fs.n);
		memcpy(r.fields, fs.v, sizeof(*r.fields) * fs.n);
		r.nfields = fs.n;
	}
	free(fs.v);
	VEC_PUSH(t->tu->records, t->tu->nrecords, t->tu->cap_records, r);
	if (main)
		clang_visitChildren(c, nested_records, t);
}

static enum CXChildVisitResult nested_records(CXCursor c, CXCursor parent, CXClientData arg)
{
	(void)parent;
	enum CXCursorKind k = clang_getCursorKind(c);
	if ((k == CXCursor_StructDecl || k == CXCursor_UnionDecl) && clang_isCursorDefinition(c))
		maybe_add_record(arg, c, true);
	return CXChildVisit_Continue;
}

/* An arithmetic type, or an array of them (however deep). */
static bool numbers_only(CXType ty)
{
	CXType c = clang_getCanonicalType(ty);
	while (c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray)
		c = clang_getCanonicalType(clang_getArrayElementType(c));
	return (c.kind >= CXType_Bool && c.kind <= CXType_LongDouble) || c.kind == CXType_Enum;
}

static void add_global(struct fe_tu *t, CXCursor c, bool main)
{
	CXType cty = clang_getCursorType(c);
	const struct ir_type *ty = fe_type(t, cty);
	if (!main && ty->obj_depth == 0 && !(ty->cls == IR_TY_RECORD && fe_record_is_object(t, cty)))
		return;
	const char *name = fe_spelling(t, c);
	CXCursor init = clang_Cursor_getVarDeclInitializer(c);
	bool has_init = !clang_Cursor_isNull(init);
	uint64_t idx;
	struct ir_global *g;
	if (namemap_get(&t->globals, name, &idx)) {
		g = &t->tu->globals[idx];
		g->in_main_file |= main;
		if (g->init || !has_init)
			return;
	} else {
		struct ir_global ng = { 0 };
		ng.name = name;
		VEC_PUSH(t->tu->globals, t->tu->nglobals, t->tu->cap_globals, ng);
		namemap_put(&t->globals, name, t->tu->nglobals - 1);
		g = &t->tu->globals[t->tu->nglobals - 1];
		g->in_main_file = main;
	}
	g->ty = ty;
	g->loc = fe_name_loc(t, c, name);
	g->is_static = clang_Cursor_getStorageClass(c) == CX_SC_Static;
	if (has_init && numbers_only(cty)) {
		/* Tables of numbers and character arrays hold no references:
		 * their initialisers are not recorded (SQLite has hundreds of
		 * kilobytes of them). */
		g->init = NULL;
	} else if (has_init) {
		/* fe_global_init may add globals' names to the arena but never
		 * globals themselves, so g stays valid. */
		struct ir_init *in = fe_global_init(t, init, cty);
		t->tu->globals[g - t->tu->globals].init = in;
	}
}

struct top_scan {
	struct fe_tu *t;
	struct kids *defs;
};

static enum CXChildVisitResult top_visit(CXCursor c, CXCursor parent, CXClientData arg)
{
	(void)parent;
	struct top_scan *ts = arg;
	enum CXCursorKind k = clang_getCursorKind(c);
	switch (k) {
	case CXCursor_FunctionDecl:
		add_decl(ts->t, c, fe_in_main_file(ts->t, c), ts->defs);
		break;
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
		if (clang_isCursorDefinition(c))
			maybe_add_record(ts->t, c, fe_in_main_file(ts->t, c));
		break;
	case CXCursor_VarDecl:
		add_global(ts->t, c, fe_in_main_file(ts->t, c));
		break;
	default:
		break;
	}
	return CXChildVisit_Continue;
}

void fe_collect_decls(struct fe_tu *t, struct kids *defs)
{
	struct top_scan ts = { t, defs };
	clang_visitChildren(clang_getTranslationUnitCursor(t->ctu), top_visit, &ts);
}

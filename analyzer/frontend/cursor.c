/*
 * cursor.c — small helpers over libclang cursors shared by the lowering
 * files: children as arrays, locations, names, macro detection.
 *
 * Locations (see ../shared/notes/tech.md §1.2): we use
 * clang_getFileLocation, which maps a token from a macro body to the
 * macro's call site and a token from a macro argument to where the
 * argument is written. The spelling location (correct from libclang 19.1)
 * tells whether a token was written in a macro body: that is how a call
 * produced by `rc_decref(x)` learns its macro's name.
 */
#include "fe_internal.h"

#include "../util/arena.h"
#include "../util/xalloc.h"

#include <string.h>

void kids_push(struct kids *k, CXCursor c)
{
	if (k->n == k->cap) {
		unsigned cap = k->cap * 2;
		if (k->v == k->inl) {
			CXCursor *v = xmalloc(sizeof(*v) * cap);
			memcpy(v, k->inl, sizeof(k->inl));
			k->v = v;
		} else {
			k->v = xrealloc(k->v, sizeof(*k->v) * cap);
		}
		k->cap = cap;
	}
	k->v[k->n++] = c;
}

static enum CXChildVisitResult visit_all(CXCursor c, CXCursor parent, CXClientData arg)
{
	(void)parent;
	kids_push(arg, c);
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult visit_code(CXCursor c, CXCursor parent, CXClientData arg)
{
	(void)parent;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (clang_isExpression(k) || clang_isStatement(k))
		kids_push(arg, c);
	return CXChildVisit_Continue;
}

void kids_init(struct kids *k)
{
	k->v = k->inl;
	k->n = 0;
	k->cap = sizeof(k->inl) / sizeof(k->inl[0]);
}

void kids_get(struct kids *k, CXCursor c)
{
	kids_init(k);
	clang_visitChildren(c, visit_all, k);
}

void kids_get_code(struct kids *k, CXCursor c)
{
	kids_init(k);
	clang_visitChildren(c, visit_code, k);
}

void kids_dispose(struct kids *k)
{
	if (k->v != k->inl)
		free(k->v);
	k->v = k->inl;
	k->n = 0;
}

uint32_t fe_file_index(struct fe_tu *t, CXFile f, bool *is_main)
{
	uint64_t v;
	if (!u64map_get(&t->files, (uint64_t)(uintptr_t)f, &v)) {
		/* clang_getLocationForOffset + isFromMainFile works too, but
		 * translating a file to a location searches the source manager
		 * (a tenth of a CPython module's lowering time). */
		bool main = t->main_file
		                    ? clang_File_isEqual(f, t->main_file) != 0
		                    : clang_Location_isFromMainFile(clang_getLocationForOffset(t->ctu, f, 0)) != 0;
		uint32_t idx = 0;
		if (!main) {
			CXString name = clang_getFileName(f);
			const char *s = clang_getCString(name);
			idx = ir_tu_file(t->tu, s ? s : "<unknown>");
			clang_disposeString(name);
		}
		v = ((uint64_t)idx << 1) | (main ? 1u : 0u);
		u64map_put(&t->files, (uint64_t)(uintptr_t)f, v);
	}
	if (is_main)
		*is_main = v & 1;
	return (uint32_t)(v >> 1);
}

struct ir_loc fe_loc(struct fe_tu *t, CXCursor c)
{
	struct ir_loc loc = { 0 };
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile f, f2;
	unsigned line, col, line2, col2;
	clang_getFileLocation(clang_getRangeStart(r), &f, &line, &col, NULL);
	if (!f)
		return loc;
	loc.file = fe_file_index(t, f, NULL);
	loc.line = line;
	loc.col = col;
	clang_getFileLocation(clang_getRangeEnd(r), &f2, &line2, &col2, NULL);
	if (f2 == f && (line2 > line || (line2 == line && col2 >= col))) {
		loc.end_line = line2;
		loc.end_col = col2;
	} else {
		loc.end_line = line;
		loc.end_col = col;
	}
	return loc;
}

struct ir_loc fe_point_loc(struct fe_tu *t, CXCursor c)
{
	struct ir_loc loc = { 0 };
	CXFile f;
	unsigned line, col;
	clang_getFileLocation(clang_getCursorLocation(c), &f, &line, &col, NULL);
	if (!f)
		return loc;
	loc.file = fe_file_index(t, f, NULL);
	loc.line = loc.end_line = line;
	loc.col = loc.end_col = col;
	return loc;
}

struct ir_loc fe_name_loc(struct fe_tu *t, CXCursor c, const char *name)
{
	struct ir_loc loc = fe_point_loc(t, c);
	if (loc.line)
		loc.end_col = loc.col + (uint32_t)(name ? strlen(name) : 0);
	return loc;
}

struct ir_loc fe_end_loc(struct fe_tu *t, CXCursor c)
{
	struct ir_loc loc = { 0 };
	CXFile f;
	unsigned line, col;
	clang_getFileLocation(clang_getRangeEnd(clang_getCursorExtent(c)), &f, &line, &col, NULL);
	if (!f)
		return loc;
	loc.file = fe_file_index(t, f, NULL);
	loc.line = loc.end_line = line;
	loc.col = col > 1 ? col - 1 : col;
	loc.end_col = col;
	return loc;
}

bool fe_in_main_file(struct fe_tu *t, CXCursor c)
{
	CXFile f;
	clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL, NULL);
	if (!f)
		return false;
	bool main = false;
	fe_file_index(t, f, &main);
	return main;
}

const char *fe_take_string(struct fe_tu *t, CXString s)
{
	const char *p = clang_getCString(s);
	const char *copy = arena_strdup(t->tu->arena, p ? p : "");
	clang_disposeString(s);
	return copy;
}

const char *fe_spelling(struct fe_tu *t, CXCursor c)
{
	return fe_take_string(t, clang_getCursorSpelling(c));
}

const char *fe_decl_name(struct fe_tu *t, CXCursor decl)
{
	uint64_t key = (uint64_t)(uintptr_t)decl.data[0], v;
	if (u64map_get(&t->names, key, &v))
		return (const char *)(uintptr_t)v;
	const char *name = fe_spelling(t, decl);
	u64map_put(&t->names, key, (uint64_t)(uintptr_t)name);
	return name;
}

const char *fe_field_name(struct fe_tu *t, CXCursor field)
{
	if (clang_Cursor_isAnonymousRecordDecl(clang_getTypeDeclaration(clang_getCursorType(field))))
		return "";
	return fe_spelling(t, field);
}

const char *fe_file_text(struct fe_tu *t, CXFile f, size_t *len)
{
	uint64_t idx;
	if (!f)
		return NULL;
	if (!u64map_get(&t->texts, (uint64_t)(uintptr_t)f, &idx)) {
		struct fe_text txt = { NULL, 0 };
		txt.p = clang_getFileContents(t->ctu, f, &txt.len);
		VEC_PUSH(t->text, t->ntext, t->cap_text, txt);
		idx = t->ntext - 1;
		u64map_put(&t->texts, (uint64_t)(uintptr_t)f, idx);
	}
	*len = t->text[idx].len;
	return t->text[idx].p;
}

static bool ident_char(char ch)
{
	return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

const char *fe_ident_at(struct fe_tu *t, CXFile f, unsigned off)
{
	size_t len;
	const char *p = fe_file_text(t, f, &len);
	if (!p || off >= len || !ident_char(p[off]) || (p[off] >= '0' && p[off] <= '9'))
		return NULL;
	size_t end = off;
	while (end < len && ident_char(p[end]))
		end++;
	return arena_strndup(t->tu->arena, p + off, end - off);
}

bool fe_word_at(struct fe_tu *t, CXFile f, unsigned off, const char *w)
{
	size_t len, n = strlen(w);
	const char *p = fe_file_text(t, f, &len);
	return p && off + n <= len && memcmp(p + off, w, n) == 0 &&
	       (off + n == len || !ident_char(p[off + n]));
}

const char *fe_macro_at(struct fe_tu *t, CXCursor c)
{
	CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(c));
	CXFile sf, ff;
	unsigned soff, foff;
	clang_getSpellingLocation(start, &sf, NULL, NULL, &soff);
	clang_getFileLocation(start, &ff, NULL, NULL, &foff);
	if (!ff || (sf == ff && soff == foff))
		return NULL;
	return fe_ident_at(t, ff, foff);
}

static bool single_code_child(CXCursor c, CXCursor *out)
{
	struct kids k;
	kids_get_code(&k, c);
	bool ok = k.n >= 1;
	if (ok)
		*out = k.v[k.n - 1];
	kids_dispose(&k);
	return ok;
}

bool fe_is_implicit_cast(CXCursor c)
{
	if (clang_getCursorKind(c) != CXCursor_UnexposedExpr)
		return false;
	struct kids k;
	kids_get_code(&k, c);
	bool yes = k.n == 1 && clang_equalLocations(clang_getCursorLocation(c),
	                                            clang_getCursorLocation(k.v[0]));
	kids_dispose(&k);
	return yes;
}

bool fe_is_gnu_cond(CXCursor c, const struct kids *k)
{
	if (clang_getCursorKind(c) != CXCursor_UnexposedExpr || k->n != 4)
		return false;
	CXSourceRange common = clang_getCursorExtent(k->v[0]);
	return clang_equalRanges(common, clang_getCursorExtent(k->v[1])) &&
	       clang_equalRanges(common, clang_getCursorExtent(k->v[2]));
}

CXCursor fe_strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);
		CXCursor inner;
		if ((k == CXCursor_ParenExpr || k == CXCursor_CStyleCastExpr ||
		     fe_is_implicit_cast(c) ||
		     (k == CXCursor_UnaryOperator &&
		      clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Extension)) &&
		    single_code_child(c, &inner))
			c = inner;
		else
			return c;
	}
}

void lw_kids(struct lower *lw, struct kids *k, CXCursor c)
{
	(void)lw;
	kids_get(k, c);
}

void lw_kids_code(struct lower *lw, struct kids *k, CXCursor c)
{
	(void)lw;
	kids_get_code(k, c);
}

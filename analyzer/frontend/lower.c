/*
 * lower.c — function bodies → basic blocks: statements and control flow.
 * Expressions are lower_expr.c's, initialiser lists lower_init.c's.
 *
 * The builder keeps one open block, lw->cur, where statements go. A
 * construct that transfers control terminates cur and continues in the
 * block where control goes next; after return, goto, break and continue
 * (and a noreturn call) it continues in a fresh block that nothing reaches
 * ("dead"), which cfg_finish removes. Invariants:
 *  - statements are only added to an open block (term IR_T_NONE);
 *  - lw_set_block leaves an open cur only when cur is dead (it is then
 *    marked unreachable);
 *  - `cur_reusable`: cur is empty and was started by a label or after a
 *    jump, so a label (case, default, C label) may start there instead of
 *    in a new block; block 0 is never reused, so the entry has no
 *    predecessors from labels.
 * Nesting: every lower_* entry point counts one level (lw_enter); past
 * fe_options.max_depth everything returns at once and the function is
 * marked skipped, so deeply nested input cannot exhaust the stack. Chains
 * that are long rather than deep (else-if ladders, runs of case labels) are
 * walked iteratively.
 */
#include "fe_internal.h"

#include "../ir/cfg.h"
#include "../util/arena.h"
#include "../util/xalloc.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool lw_enter(struct lower *lw)
{
	if (lw->too_deep)
		return false;
	if (lw->depth >= lw->t->opt->max_depth) {
		lw->too_deep = true;
		return false;
	}
	lw->depth++;
	return true;
}

void lw_leave(struct lower *lw)
{
	lw->depth--;
}

uint32_t lw_new_block(struct lower *lw)
{
	return ir_block_add(lw->tu, lw->fn);
}

static bool cur_open(const struct lower *lw)
{
	return lw->fn->blocks[lw->cur].term.kind == IR_T_NONE;
}

void lw_set_block(struct lower *lw, uint32_t b, bool reusable)
{
	/* An open cur left behind is a dead block (after a jump): close it. */
	if (b != lw->cur && cur_open(lw))
		ir_term_unreachable(lw->fn, lw->cur);
	lw->cur = b;
	lw->cur_reusable = reusable;
}

void lw_jump(struct lower *lw, uint32_t b)
{
	if (cur_open(lw))
		ir_term_goto(lw->fn, lw->cur, b);
}

void lw_goto(struct lower *lw, uint32_t b)
{
	lw_jump(lw, b);
	lw->cur = b;
	lw->cur_reusable = false;
}

void lw_dead(struct lower *lw)
{
	lw_set_block(lw, lw_new_block(lw), true);
}

struct ir_stmt *lw_stmt(struct lower *lw, enum ir_stmt_kind kind, struct ir_loc loc)
{
	if (!cur_open(lw))
		lw_dead(lw);
	struct ir_stmt *s = ir_stmt_add(lw->tu, lw->fn, lw->cur, kind);
	s->loc = loc;
	lw->nstmts++;
	lw->cur_reusable = false;
	return s;
}

uint32_t lw_temp(struct lower *lw, const struct ir_type *ty)
{
	char name[24];
	snprintf(name, sizeof(name), "t%u", ++lw->ntemps);
	return ir_var_add(lw->tu, lw->fn, name, ty, IR_VAR_TEMP);
}

struct ir_expr *lw_var_ref(struct lower *lw, uint32_t var)
{
	struct ir_expr *e = ir_expr_var(lw->tu, lw->fn, var);
	e->loc = lw->fn->vars[var].loc;
	return e;
}

static uint64_t decl_key(CXCursor c)
{
	return (uint64_t)(uintptr_t)c.data[0];
}

bool lw_lookup_var(struct lower *lw, CXCursor decl, uint32_t *out)
{
	uint64_t v;
	if (!lw->fn || !u64map_get(&lw->vars, decl_key(decl), &v))
		return false;
	*out = (uint32_t)v;
	return true;
}

static uint32_t add_var(struct lower *lw, CXCursor decl, enum ir_var_kind kind)
{
	const char *name = fe_spelling(lw->t, decl);
	CXType ty = clang_getCursorType(decl);
	uint32_t v = ir_var_add(lw->tu, lw->fn, name,
	                        kind == IR_VAR_PARAM ? fe_param_type(lw->t, ty) : fe_type(lw->t, ty), kind);
	lw->fn->vars[v].loc = fe_name_loc(lw->t, decl, name);
	u64map_put(&lw->vars, decl_key(decl), v);
	return v;
}

/* A block for a label (case, default or C label) at the current point:
 * cur itself when it is empty and reusable, else a new block that cur
 * falls through to. */
static uint32_t label_block(struct lower *lw)
{
	if (lw->cur_reusable && lw->cur != 0 && cur_open(lw) &&
	    lw->fn->blocks[lw->cur].nstmts == 0)
		return lw->cur;
	uint32_t b = lw_new_block(lw);
	lw_goto(lw, b);
	lw->cur_reusable = true;
	return b;
}

/* The block of a C label, created (not entered) on first mention. */
static uint32_t label_get(struct lower *lw, const char *name)
{
	uint64_t b;
	if (namemap_get(&lw->labels, name, &b))
		return (uint32_t)b;
	uint32_t nb = lw_new_block(lw);
	lw->fn->blocks[nb].label = name;
	namemap_put(&lw->labels, name, nb);
	return nb;
}

static void lower_vardecl(struct lower *lw, CXCursor c)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(c);
	if (sc == CX_SC_Extern)
		return; /* a reference to a global: uses become IR_E_GLOBAL */
	uint32_t v = add_var(lw, c, sc == CX_SC_Static ? IR_VAR_STATIC : IR_VAR_LOCAL);
	if (sc == CX_SC_Static)
		return; /* initialised once, before any call: not part of the flow */
	CXCursor init = clang_Cursor_getVarDeclInitializer(c);
	if (!clang_Cursor_isNull(init)) {
		if (clang_getCursorKind(init) == CXCursor_InitListExpr)
			lw_init_list(lw, lw_var_ref(lw, v), init, clang_getCursorType(c));
		else
			lw_store(lw, lw_var_ref(lw, v), init, fe_loc(lw->t, c));
	}
	lw_cleanup_note(lw, c, v);
}

static bool worth_eval(const struct ir_expr *e)
{
	switch (e->kind) {
	case IR_E_INT:
	case IR_E_NULL:
	case IR_E_STR:
	case IR_E_FUNC:
	case IR_E_UNKNOWN:
		return false;
	default:
		return true;
	}
}

static void lower_expr_stmt(struct lower *lw, CXCursor c)
{
	struct ir_expr *e = lw_expr(lw, c, WANT_DISCARD);
	if (e && worth_eval(e)) {
		struct ir_stmt *s = lw_stmt(lw, IR_S_EVAL, fe_loc(lw->t, c));
		s->src = e;
	}
}

/* if / else if / … / else, walked as a loop so a long ladder is not deep. */
static void lower_if(struct lower *lw, CXCursor c)
{
	uint32_t join = lw_new_block(lw);
	for (;;) {
		struct kids k;
		lw_kids_code(lw, &k, c);
		if (k.n < 2) {
			kids_dispose(&k);
			break;
		}
		uint32_t then_b = lw_new_block(lw);
		uint32_t else_b = k.n > 2 ? lw_new_block(lw) : join;
		lw_cond(lw, k.v[0], then_b, else_b);
		lw_set_block(lw, then_b, false);
		lw_stmt_lower(lw, k.v[1]);
		lw_jump(lw, join);
		if (k.n <= 2) {
			kids_dispose(&k);
			break;
		}
		CXCursor els = k.v[2];
		kids_dispose(&k);
		lw_set_block(lw, else_b, false);
		if (clang_getCursorKind(els) == CXCursor_IfStmt) {
			c = els;
			continue;
		}
		lw_stmt_lower(lw, els);
		lw_jump(lw, join);
		break;
	}
	lw_set_block(lw, join, false);
}

struct loop_save {
	uint32_t brk, cont;
	uint32_t brk_keep, cont_keep;
};

/* A switch passes the enclosing loop's cont: continue then keeps what it
 * kept there. */
static struct loop_save loop_enter(struct lower *lw, uint32_t brk, uint32_t cont)
{
	struct loop_save s = { lw->brk, lw->cont, lw->brk_keep, lw->cont_keep };
	lw->brk = brk;
	lw->brk_keep = lw->ncleanups;
	if (cont != lw->cont)
		lw->cont_keep = lw->ncleanups;
	lw->cont = cont;
	return s;
}

static void loop_leave(struct lower *lw, struct loop_save s)
{
	lw->brk = s.brk;
	lw->cont = s.cont;
	lw->brk_keep = s.brk_keep;
	lw->cont_keep = s.cont_keep;
}

static void lower_while(struct lower *lw, CXCursor c)
{
	struct kids k;
	lw_kids_code(lw, &k, c);
	if (k.n >= 2) {
		uint32_t head = lw_new_block(lw), body = lw_new_block(lw), exit = lw_new_block(lw);
		lw_goto(lw, head);
		lw_cond(lw, k.v[0], body, exit);
		lw_set_block(lw, body, false);
		struct loop_save s = loop_enter(lw, exit, head);
		lw_stmt_lower(lw, k.v[k.n - 1]);
		lw_goto(lw, head);
		loop_leave(lw, s);
		lw_set_block(lw, exit, false);
	}
	kids_dispose(&k);
}

static void lower_do(struct lower *lw, CXCursor c)
{
	struct kids k;
	lw_kids_code(lw, &k, c);
	if (k.n >= 2) {
		uint32_t body = lw_new_block(lw), cond = lw_new_block(lw), exit = lw_new_block(lw);
		lw_goto(lw, body);
		struct loop_save s = loop_enter(lw, exit, cond);
		lw_stmt_lower(lw, k.v[0]);
		loop_leave(lw, s);
		lw_goto(lw, cond);
		lw_cond(lw, k.v[1], body, exit);
		lw_set_block(lw, exit, false);
	}
	kids_dispose(&k);
}

/* ---- for: which of the header's parts are present ---- */

struct for_parts {
	int init, cond, inc;    /* index into the children, or -1 */
	bool unknown_cond;      /* could not tell: branch both ways */
};

/* Past the comment or literal starting at p[i] (i itself when there is
 * none), within end. */
static size_t skip_comment_or_literal(const char *p, size_t i, size_t end)
{
	if (p[i] == '/' && i + 1 < end && p[i + 1] == '*') {
		for (i += 2; i + 1 < end && !(p[i] == '*' && p[i + 1] == '/'); i++)
			;
		return i + 1;
	}
	if (p[i] == '/' && i + 1 < end && p[i + 1] == '/') {
		while (i < end && p[i] != '\n')
			i++;
		return i;
	}
	if (p[i] == '"' || p[i] == '\'') {
		char q = p[i];
		for (i++; i < end && p[i] != q; i++)
			if (p[i] == '\\')
				i++;
		return i;
	}
	return i;
}

/* File offsets of the two `;` and of the closing `)` of the header of a
 * for whose `for` keyword starts at (file, off), read from the file's text
 * within limit bytes; false when they cannot be found. */
static bool for_semicolons(struct fe_tu *t, CXFile file, unsigned off, unsigned limit,
                           unsigned *s1, unsigned *s2, unsigned *close)
{
	size_t len;
	const char *p = fe_file_text(t, file, &len);
	if (!p || off >= len)
		return false;
	size_t end = len - off > limit ? off + limit : len;
	unsigned depth = 0, found = 0;
	bool closed = false;
	for (size_t i = off; i < end; i++) {
		size_t j = skip_comment_or_literal(p, i, end);
		if (j != i) {
			i = j;
			continue;
		}
		char ch = p[i];
		if (ch == '(' || ch == '[' || ch == '{') {
			depth++;
		} else if (ch == ')' || ch == ']' || ch == '}') {
			if (depth <= 1) {
				closed = ch == ')' && depth == 1;
				*close = (unsigned)i;
				break;
			}
			depth--;
		} else if (ch == ';' && depth == 1) {
			if (found++ == 0)
				*s1 = (unsigned)i;
			else
				*s2 = (unsigned)i;
		}
	}
	return found == 2 && closed;
}

/*
 * libclang gives a for's children without placeholders for missing parts
 * (notes §1.2), so `for (;c;)` and `for (i = 0;;)` look alike. With fewer
 * than three parts, find the header's two semicolons where the `for` is
 * spelled (in the file, or in the macro definition it came from) and place
 * each part by where it is spelled. When a part is spelled elsewhere (it
 * came from a macro argument of a macro-made loop) we cannot tell: the
 * first part is taken as the initialiser, the others as the increment,
 * and the loop may exit or not at every iteration (conservative).
 */
static struct for_parts classify_for(struct fe_tu *t, CXCursor c, const struct kids *k)
{
	struct for_parts fp = { -1, -1, -1, false };
	int nparts = (int)k->n - 1;
	if (nparts == 3) {
		fp.init = 0, fp.cond = 1, fp.inc = 2;
		return fp;
	}
	if (nparts <= 0)
		return fp;
	CXFile file;
	unsigned off, s1 = 0, s2 = 0, close = 0;
	clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(c)), &file, NULL, NULL, &off);
	/* Tokenize only the header: up to where the body is spelled, when
	 * that is after the `for` in the same file, else a generous bound. */
	CXFile bf;
	unsigned boff, limit = 4096;
	clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(k->v[k->n - 1])), &bf,
	                          NULL, NULL, &boff);
	if (bf == file && boff > off && boff - off < limit)
		limit = boff - off + 1;
	bool ok = file && for_semicolons(t, file, off, limit, &s1, &s2, &close);
	for (int i = 0; ok && i < nparts; i++) {
		CXFile pf;
		unsigned po;
		clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(k->v[i])), &pf,
		                          NULL, NULL, &po);
		if (pf != file || po < off || po >= close) {
			ok = false;
			break;
		}
		if (po < s1)
			fp.init = i;
		else if (po < s2)
			fp.cond = i;
		else
			fp.inc = i;
	}
	if (ok)
		return fp;
	fp.init = 0;
	fp.cond = -1;
	fp.inc = nparts > 1 ? 1 : -1;
	fp.unknown_cond = true;
	return fp;
}

static void lower_for(struct lower *lw, CXCursor c)
{
	struct kids k;
	lw_kids_code(lw, &k, c);
	if (k.n < 1) {
		kids_dispose(&k);
		return;
	}
	struct for_parts fp = classify_for(lw->t, c, &k);
	if (fp.init >= 0)
		lw_stmt_lower(lw, k.v[fp.init]);
	uint32_t head = lw_new_block(lw), body = lw_new_block(lw);
	uint32_t inc = lw_new_block(lw), exit = lw_new_block(lw);
	lw_goto(lw, head);
	if (fp.cond >= 0) {
		lw_cond(lw, k.v[fp.cond], body, exit);
	} else if (fp.unknown_cond) {
		struct ir_expr *u = ir_expr_new(lw->tu, IR_E_UNKNOWN,
		                                ir_type_make(lw->tu, IR_TY_INT, 0, "int", NULL));
		ir_term_branch(lw->fn, lw->cur, u, body, exit);
		lw->fn->blocks[lw->cur].term.loc = fe_loc(lw->t, c);
	} else {
		lw_goto(lw, body);
	}
	lw_set_block(lw, body, false);
	struct loop_save s = loop_enter(lw, exit, inc);
	lw_stmt_lower(lw, k.v[k.n - 1]);
	loop_leave(lw, s);
	lw_goto(lw, inc);
	if (fp.inc >= 0)
		lw_stmt_lower(lw, k.v[fp.inc]);
	lw_goto(lw, head);
	lw_set_block(lw, exit, false);
	kids_dispose(&k);
}

static void lower_switch(struct lower *lw, CXCursor c)
{
	struct kids k;
	lw_kids_code(lw, &k, c);
	if (k.n < 2) {
		kids_dispose(&k);
		return;
	}
	struct ir_expr *cond = lw_expr(lw, k.v[0], WANT_VALUE);
	struct ir_loc loc = fe_loc(lw->t, k.v[0]);
	if (!cur_open(lw))
		lw_dead(lw);
	uint32_t exit = lw_new_block(lw);
	struct fe_switch sw = { lw->cur, FE_NO_BLOCK };
	ir_term_switch(lw->fn, sw.head, cond, exit);
	lw->fn->blocks[sw.head].term.loc = loc;
	struct fe_switch *outer = lw->sw;
	lw->sw = &sw;
	struct loop_save s = loop_enter(lw, exit, lw->cont);
	lw_dead(lw); /* code before the first label is unreachable */
	lw_stmt_lower(lw, k.v[k.n - 1]);
	lw_goto(lw, exit);
	loop_leave(lw, s);
	lw->sw = outer;
	if (sw.default_block != FE_NO_BLOCK)
		lw->fn->blocks[sw.head].term.succ[0] = sw.default_block;
	lw_set_block(lw, exit, false);
	kids_dispose(&k);
}

static bool eval_int(CXCursor c, int64_t *out)
{
	CXEvalResult r = clang_Cursor_Evaluate(c);
	if (!r)
		return false;
	bool ok = clang_EvalResult_getKind(r) == CXEval_Int;
	if (ok)
		*out = clang_EvalResult_isUnsignedInt(r) ? (int64_t)clang_EvalResult_getAsUnsigned(r)
		                                          : clang_EvalResult_getAsLongLong(r);
	clang_EvalResult_dispose(r);
	return ok;
}

/* case / default labels, with the runs of nested labels walked as a loop:
 * `case 1: case 2: s` is CaseStmt(1, CaseStmt(2, s)). */
static void lower_case(struct lower *lw, CXCursor c)
{
	for (;;) {
		enum CXCursorKind kind = clang_getCursorKind(c);
		struct kids k;
		lw_kids_code(lw, &k, c);
		if (k.n == 0) {
			kids_dispose(&k);
			return;
		}
		uint32_t b = label_block(lw);
		CXCursor sub = k.v[k.n - 1];
		if (kind == CXCursor_CaseStmt && k.n >= 2) {
			int64_t lo = 0, hi;
			bool ok = eval_int(k.v[0], &lo);
			hi = lo;
			if (ok && k.n == 3)
				ok = eval_int(k.v[1], &hi);
			if (ok && lw->sw)
				ir_term_add_case(lw->fn, lw->sw->head, lo, hi, b);
		} else if (kind == CXCursor_DefaultStmt && lw->sw) {
			lw->sw->default_block = b;
		}
		kids_dispose(&k);
		enum CXCursorKind sk = clang_getCursorKind(sub);
		if (sk == CXCursor_CaseStmt || sk == CXCursor_DefaultStmt) {
			c = sub;
			continue;
		}
		lw_stmt_lower(lw, sub);
		return;
	}
}

static void lower_label(struct lower *lw, CXCursor c)
{
	const char *name = fe_spelling(lw->t, c);
	uint64_t known;
	uint32_t b;
	if (namemap_get(&lw->labels, name, &known)) {
		b = (uint32_t)known;
		lw_goto(lw, b);
		lw->cur_reusable = lw->fn->blocks[b].nstmts == 0;
	} else {
		b = label_block(lw);
		namemap_put(&lw->labels, name, b);
	}
	if (!lw->fn->blocks[b].label)
		lw->fn->blocks[b].label = name;
	struct kids k;
	lw_kids_code(lw, &k, c);
	if (k.n)
		lw_stmt_lower(lw, k.v[0]);
	kids_dispose(&k);
}

static const char *label_ref_name(struct lower *lw, CXCursor c)
{
	struct kids k;
	lw_kids(lw, &k, c);
	const char *name = NULL;
	for (unsigned i = 0; i < k.n && !name; i++)
		if (clang_getCursorKind(k.v[i]) == CXCursor_LabelRef)
			name = fe_spelling(lw->t, k.v[i]);
	kids_dispose(&k);
	return name;
}

static void lower_goto(struct lower *lw, CXCursor c)
{
	const char *name = label_ref_name(lw, c);
	lw_cleanup_run(lw, lw_cleanup_goto_keep(lw), fe_loc(lw->t, c));
	if (name && cur_open(lw))
		ir_term_goto(lw->fn, lw->cur, label_get(lw, name));
	lw_dead(lw);
}

/* `goto *p`: a SWITCH on p whose targets are filled at the end of the
 * function with every label whose address is taken (finish_indirect). */
static void lower_indirect_goto(struct lower *lw, CXCursor c)
{
	struct kids k;
	lw_kids_code(lw, &k, c);
	struct ir_expr *e = k.n ? lw_expr(lw, k.v[0], WANT_VALUE) : lw_unknown(lw, clang_getCursorType(c));
	kids_dispose(&k);
	if (!cur_open(lw))
		lw_dead(lw);
	ir_term_switch(lw->fn, lw->cur, e, 0);
	lw->fn->blocks[lw->cur].term.loc = fe_loc(lw->t, c);
	VEC_PUSH(lw->indirect, lw->nindirect, lw->cap_indirect, lw->cur);
	lw_dead(lw);
}

static void lower_return(struct lower *lw, CXCursor c)
{
	struct kids k;
	lw_kids_code(lw, &k, c);
	struct ir_expr *val = NULL;
	if (k.n) {
		bool is_void = lw->fn->ret && lw->fn->ret->cls == IR_TY_VOID;
		val = lw_expr(lw, k.v[0], is_void ? WANT_DISCARD : WANT_VALUE);
		if (is_void)
			val = NULL;
	}
	kids_dispose(&k);
	if (!cur_open(lw))
		lw_dead(lw);
	if (lw->ncleanups) {
		/* The value is taken before the cleanups run (`return p;` with p
		 * cleaned up returns what p held). */
		bool is_temp = val && val->kind == IR_E_VAR && lw->fn->vars[val->u.var].kind == IR_VAR_TEMP;
		if (val && !is_temp && val->kind != IR_E_INT && val->kind != IR_E_NULL &&
		    val->kind != IR_E_STR) {
			struct ir_expr *t = lw_var_ref(lw, lw_temp(lw, lw->fn->ret));
			struct ir_stmt *s = lw_stmt(lw, IR_S_ASSIGN, fe_loc(lw->t, c));
			s->dst = t;
			s->src = val;
			val = ir_expr_copy(lw->tu, t);
		}
		lw_cleanup_run(lw, 0, fe_loc(lw->t, c));
	}
	ir_term_return(lw->fn, lw->cur, val);
	lw->fn->blocks[lw->cur].term.loc = fe_loc(lw->t, c);
	lw_dead(lw);
}

static void lower_jump(struct lower *lw, uint32_t target, uint32_t keep, CXCursor c)
{
	if (target != FE_NO_BLOCK && lw->ncleanups > keep)
		lw_cleanup_run(lw, keep, fe_loc(lw->t, c));
	if (target != FE_NO_BLOCK && cur_open(lw))
		ir_term_goto(lw->fn, lw->cur, target);
	lw_dead(lw);
}

static void stmt_inner(struct lower *lw, CXCursor c)
{
	enum CXCursorKind kind = clang_getCursorKind(c);
	struct kids k;
	switch (kind) {
	case CXCursor_CompoundStmt: {
		uint32_t keep = lw->ncleanups;
		lw->scope_depth++;
		lw_kids_code(lw, &k, c);
		for (unsigned i = 0; i < k.n && !lw->too_deep; i++)
			lw_stmt_lower(lw, k.v[i]);
		kids_dispose(&k);
		if (lw->ncleanups > keep) {
			/* Falling off the end of the block: at its closing brace. */
			lw_cleanup_run(lw, keep, fe_end_loc(lw->t, c));
			lw->ncleanups = keep;
		}
		lw->scope_depth--;
		break;
	}
	case CXCursor_UnexposedStmt: /* AttributedStmt and the like */
		lw_kids_code(lw, &k, c);
		for (unsigned i = 0; i < k.n && !lw->too_deep; i++)
			lw_stmt_lower(lw, k.v[i]);
		kids_dispose(&k);
		break;
	case CXCursor_DeclStmt:
		lw_kids(lw, &k, c);
		for (unsigned i = 0; i < k.n; i++)
			if (clang_getCursorKind(k.v[i]) == CXCursor_VarDecl)
				lower_vardecl(lw, k.v[i]);
		kids_dispose(&k);
		break;
	case CXCursor_IfStmt:
		lower_if(lw, c);
		break;
	case CXCursor_WhileStmt:
		lower_while(lw, c);
		break;
	case CXCursor_DoStmt:
		lower_do(lw, c);
		break;
	case CXCursor_ForStmt:
		lower_for(lw, c);
		break;
	case CXCursor_SwitchStmt:
		lower_switch(lw, c);
		break;
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
		lower_case(lw, c);
		break;
	case CXCursor_LabelStmt:
		lower_label(lw, c);
		break;
	case CXCursor_GotoStmt:
		lower_goto(lw, c);
		break;
	case CXCursor_IndirectGotoStmt:
		lower_indirect_goto(lw, c);
		break;
	case CXCursor_BreakStmt:
		lower_jump(lw, lw->brk, lw->brk_keep, c);
		break;
	case CXCursor_ContinueStmt:
		lower_jump(lw, lw->cont, lw->cont_keep, c);
		break;
	case CXCursor_ReturnStmt:
		lower_return(lw, c);
		break;
	case CXCursor_NullStmt:
	case CXCursor_GCCAsmStmt:
	case CXCursor_MSAsmStmt:
		break;
	default:
		if (clang_isExpression(kind))
			lower_expr_stmt(lw, c);
		break;
	}
}

void lw_stmt_lower(struct lower *lw, CXCursor c)
{
	if (!lw_enter(lw))
		return;
	stmt_inner(lw, c);
	lw_leave(lw);
}

static void finish_indirect(struct lower *lw)
{
	for (uint32_t i = 0; i < lw->nindirect; i++) {
		uint32_t b = lw->indirect[i];
		if (lw->naddr_labels == 0) {
			ir_term_unreachable(lw->fn, b);
			continue;
		}
		lw->fn->blocks[b].term.succ[0] = label_get(lw, lw->addr_labels[0]);
		for (uint32_t j = 1; j < lw->naddr_labels; j++)
			ir_term_add_case(lw->fn, b, j, j, label_get(lw, lw->addr_labels[j]));
	}
}

static void discard_body(struct ir_func *fn)
{
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		free(fn->blocks[b].stmts);
		free(fn->blocks[b].preds);
		free(fn->blocks[b].term.cases);
	}
	fn->nblocks = 0;
	fn->nvars = fn->nparams;
}

static CXCursor function_body(struct lower *lw, CXCursor fn)
{
	struct kids k;
	lw_kids(lw, &k, fn);
	CXCursor body = clang_getNullCursor();
	for (unsigned i = 0; i < k.n; i++)
		if (clang_getCursorKind(k.v[i]) == CXCursor_CompoundStmt)
			body = k.v[i];
	kids_dispose(&k);
	return body;
}

static void set_annotations(struct fe_tu *t, struct ir_func *fn)
{
	uint64_t idx;
	if (namemap_get(&t->decls, fn->name, &idx)) {
		fn->annotations = t->tu->decls[idx].annotations;
		fn->nannotations = t->tu->decls[idx].nannotations;
	}
}

static void limit_note(struct lower *lw)
{
	const struct fe_options *o = lw->t->opt;
	struct ir_func *fn = lw->fn;
	char buf[128];
	if (lw->too_deep)
		snprintf(buf, sizeof(buf), "nested too deeply (more than %u levels)", o->max_depth);
	else if (o->max_stmts && lw->nstmts > o->max_stmts)
		snprintf(buf, sizeof(buf), "too large (%u statements, limit %u)", lw->nstmts, o->max_stmts);
	else if (o->max_blocks && fn->nblocks > o->max_blocks)
		snprintf(buf, sizeof(buf), "too large (%u blocks, limit %u)", fn->nblocks, o->max_blocks);
	else
		return;
	fn->skipped = arena_strdup(lw->tu->arena, buf);
}

void fe_lower_function(struct fe_tu *t, CXCursor c)
{
	struct lower lw = { 0 };
	lw.t = t;
	lw.tu = t->tu;
	lw.brk = lw.cont = FE_NO_BLOCK;
	CXCursor body = function_body(&lw, c);
	if (clang_Cursor_isNull(body))
		return;
	CXType fty = clang_getCursorType(c);
	const char *name = fe_spelling(t, c);
	lw.fn = ir_func_add(t->tu, name, fe_type(t, clang_getResultType(fty)));
	struct ir_func *fn = lw.fn;
	fn->loc = fe_name_loc(t, c, name);
	fn->end = fe_end_loc(t, body);
	fn->is_static = clang_Cursor_getStorageClass(c) == CX_SC_Static;
	fn->variadic = clang_isFunctionTypeVariadic(fty) != 0;
	set_annotations(t, fn);
	int nargs = clang_Cursor_getNumArguments(c);
	for (int i = 0; i < nargs; i++)
		add_var(&lw, clang_Cursor_getArgument(c, (unsigned)i), IR_VAR_PARAM);

	lw.cur = lw_new_block(&lw);
	lw_stmt_lower(&lw, body);
	if (!lw.too_deep) {
		if (cur_open(&lw)) {
			ir_term_return(fn, lw.cur, NULL);
			fn->blocks[lw.cur].term.loc = fn->end;
		}
		finish_indirect(&lw);
		/* Labels that were jumped to but never defined (the parse had
		 * errors) end in nothing. */
		for (uint32_t b = 0; b < fn->nblocks; b++)
			if (fn->blocks[b].term.kind == IR_T_NONE)
				ir_term_unreachable(fn, b);
		cfg_finish(t->tu, fn);
	}
	limit_note(&lw);
	if (fn->skipped)
		discard_body(fn);
	u64map_dispose(&lw.vars);
	strmap_dispose(&lw.labels);
	free(lw.indirect);
	free(lw.addr_labels);
	free(lw.cleanups);
}

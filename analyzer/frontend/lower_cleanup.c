/*
 * lower_cleanup.c — `__attribute__((cleanup(f)))` on local variables
 * (systemd's _cleanup_, GLib's g_autoptr and g_autofree): the compiler
 * calls f(&var) whenever var goes out of scope, so lowering writes that
 * call where it happens: at the end of the variable's block, and before
 * every return, break, continue and goto that leaves it, innermost
 * variable first.
 *
 * lower.c keeps the stack of such variables in scope (struct lower's
 * cleanups, with the block depth of each) and calls lw_cleanup_run at
 * every exit with the stack height the exit keeps. A goto is taken to
 * land in the function's outermost block (where `goto fail` labels are):
 * the variables of nested blocks are cleaned up, those of the outermost
 * block are not. C forbids jumping into the scope of such a variable, so
 * that is exact but for a goto between two nested blocks.
 */
#include "fe_internal.h"

#include "../util/arena.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <string.h>

static enum CXChildVisitResult find_attr(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_UnexposedAttr)
		return CXChildVisit_Continue;
	*(bool *)data = true;
	return CXChildVisit_Break;
}

/* The function named by a cleanup attribute in clang's printing of the
 * declaration ("__attribute__((cleanup(freep))) char *s = 0"); libclang
 * does not expose the attribute, and the printing has macros expanded
 * (_cleanup_free_, g_autoptr(T) with its pasted name). */
static const char *cleanup_function(struct lower *lw, CXCursor decl)
{
	bool any = false;
	clang_visitChildren(decl, find_attr, &any);
	if (!any)
		return NULL;
	CXPrintingPolicy policy = clang_getCursorPrintingPolicy(decl);
	CXString printed = clang_getCursorPrettyPrinted(decl, policy);
	const char *text = clang_getCString(printed);
	const char *name = NULL;
	static const char *const forms[] = { "__attribute__((cleanup(", "__attribute__((__cleanup__(" };
	for (size_t i = 0; text && !name && i < sizeof(forms) / sizeof(forms[0]); i++) {
		const char *p = strstr(text, forms[i]);
		if (!p)
			continue;
		p += strlen(forms[i]);
		size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
		if (n > 0 && p[n] == ')')
			name = arena_strndup(lw->tu->arena, p, n);
	}
	clang_disposeString(printed);
	clang_PrintingPolicy_dispose(policy);
	return name;
}

void lw_cleanup_note(struct lower *lw, CXCursor decl, uint32_t var)
{
	if (!clang_Cursor_hasAttrs(decl))
		return;
	const char *fn = cleanup_function(lw, decl);
	if (!fn)
		return;
	struct lw_cleanup c = { var, fn, lw->scope_depth };
	VEC_PUSH(lw->cleanups, lw->ncleanups, lw->cap_cleanups, c);
}

/* fn(&var) at loc. */
static void emit_call(struct lower *lw, const struct lw_cleanup *c, struct ir_loc loc)
{
	const struct ir_type *vt = lw->fn->vars[c->var].ty;
	char spelling[256];
	snprintf(spelling, sizeof(spelling), "%s *", vt && vt->spelling ? vt->spelling : "void");
	const struct ir_type *pt = ir_type_make(lw->tu, IR_TY_PTR, vt && vt->obj_depth ? vt->obj_depth + 1 : 0,
	                                        ir_strdup(lw->tu, spelling), vt ? vt->record : NULL);
	struct ir_expr **args = ir_args_new(lw->tu, 1);
	args[0] = ir_expr_unary(lw->tu, IR_E_ADDR, IR_OP_NONE, lw_var_ref(lw, c->var), pt);
	struct ir_stmt *s = lw_stmt(lw, IR_S_CALL, loc);
	s->call.callee = c->fn;
	s->call.args = args;
	s->call.nargs = 1;
}

void lw_cleanup_run(struct lower *lw, uint32_t keep, struct ir_loc loc)
{
	if (lw->fn->blocks[lw->cur].term.kind != IR_T_NONE)
		return;     /* nothing reaches here */
	for (uint32_t i = lw->ncleanups; i > keep; i--)
		emit_call(lw, &lw->cleanups[i - 1], loc);
}

uint32_t lw_cleanup_goto_keep(const struct lower *lw)
{
	uint32_t keep = 0;
	while (keep < lw->ncleanups && lw->cleanups[keep].depth <= 1)
		keep++;
	return keep;
}

/*
 * lower_expr.c — expressions → pure IR expressions plus the statements
 * their side effects need (ir.h: every call its own statement, nested
 * calls into temporaries in evaluation order, && || ?: as branches).
 *
 * lw_expr returns a fresh top node each time (callers may retype it: a
 * cast sets the converted type on its operand's node), sharing children
 * at most. Evaluation order: operands left to right, the callee before
 * the arguments, an assignment's target before its value.
 *
 * With lw->fn == NULL (a static initialiser) nothing may emit statements:
 * calls, assignments, ?: and the like become IR_E_UNKNOWN unless clang can
 * fold them to a constant.
 */
#include "fe_internal.h"

#include "../util/arena.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#include <ctype.h>
#include <string.h>

/* A node of type ty. Expressions get a location only where an object is
 * used through them (., ->, [], *, &: see loc_use); statements carry the
 * full ranges. Locating every node cost a tenth of lowering's time. */
static struct ir_expr *mk(struct lower *lw, enum ir_expr_kind kind, CXType ty, CXCursor c)
{
	(void)c;
	return ir_expr_new(lw->tu, kind, fe_type(lw->t, ty));
}

static void loc_use(struct lower *lw, struct ir_expr *e, CXCursor c)
{
	e->loc = fe_point_loc(lw->t, c);
}

struct ir_expr *lw_unknown(struct lower *lw, CXType ty)
{
	return ir_expr_new(lw->tu, IR_E_UNKNOWN, fe_type(lw->t, ty));
}

static struct ir_expr *int_expr(struct lower *lw, int64_t v, CXType ty, CXCursor c)
{
	struct ir_expr *e = mk(lw, IR_E_INT, ty, c);
	e->u.ival = v;
	if (v == 0 && (e->ty->cls == IR_TY_PTR || e->ty->cls == IR_TY_FUNCPTR))
		e->kind = IR_E_NULL;
	return e;
}

static bool eval(struct lower *lw, CXCursor c, int64_t *ival, const char **str)
{
	CXEvalResult r = clang_Cursor_Evaluate(c);
	if (!r)
		return false;
	bool ok = false;
	switch (clang_EvalResult_getKind(r)) {
	case CXEval_Int:
		*ival = clang_EvalResult_isUnsignedInt(r) ? (int64_t)clang_EvalResult_getAsUnsigned(r)
		                                           : clang_EvalResult_getAsLongLong(r);
		ok = true;
		break;
	case CXEval_StrLiteral:
		if (str) {
			const char *s = clang_EvalResult_getAsStr(r);
			*str = arena_strdup(lw->tu->arena, s ? s : "");
			ok = true;
		}
		break;
	default:
		break;
	}
	clang_EvalResult_dispose(r);
	return ok;
}

/* A constant (integer or string), or NULL when clang cannot fold c. */
static struct ir_expr *constant(struct lower *lw, CXCursor c)
{
	int64_t v = 0;
	const char *s = NULL;
	if (!eval(lw, c, &v, &s))
		return NULL;
	if (s) {
		struct ir_expr *e = mk(lw, IR_E_STR, clang_getCursorType(c), c);
		e->u.str = s;
		return e;
	}
	return int_expr(lw, v, clang_getCursorType(c), c);
}

static struct ir_expr *constant_or_unknown(struct lower *lw, CXCursor c)
{
	struct ir_expr *e = constant(lw, c);
	return e ? e : lw_unknown(lw, clang_getCursorType(c));
}

/* The bytes of a string literal from its spelling (escapes decoded,
 * adjacent literals joined), for when clang_Cursor_Evaluate declines. */
static const char *decode_literal(struct lower *lw, const char *p)
{
	struct strbuf sb = STRBUF_INIT;
	while (*p) {
		while (*p && *p != '"')
			p++; /* prefixes (L, u8 …) and the space between literals */
		if (!*p++)
			break;
		while (*p && *p != '"') {
			if (*p != '\\') {
				sb_addc(&sb, *p++);
				continue;
			}
			p++;
			int v;
			switch (*p) {
			case 'n': v = '\n'; p++; break;
			case 't': v = '\t'; p++; break;
			case 'r': v = '\r'; p++; break;
			case 'a': v = '\a'; p++; break;
			case 'b': v = '\b'; p++; break;
			case 'f': v = '\f'; p++; break;
			case 'v': v = '\v'; p++; break;
			case 'x':
				p++;
				for (v = 0; isxdigit((unsigned char)*p); p++)
					v = v * 16 + (isdigit((unsigned char)*p) ? *p - '0' : (tolower((unsigned char)*p) - 'a' + 10));
				break;
			default:
				if (*p >= '0' && *p <= '7') {
					v = 0;
					for (int i = 0; i < 3 && *p >= '0' && *p <= '7'; i++, p++)
						v = v * 8 + (*p - '0');
				} else {
					v = *p ? *p++ : 0;
				}
				break;
			}
			sb_addc(&sb, (char)v);
		}
		if (*p)
			p++;
	}
	const char *r = arena_strdup(lw->tu->arena, sb_str(&sb));
	sb_dispose(&sb);
	return r;
}

static struct ir_expr *string_literal(struct lower *lw, CXCursor c)
{
	struct ir_expr *e = constant(lw, c);
	if (e)
		return e;
	e = mk(lw, IR_E_STR, clang_getCursorType(c), c);
	CXString s = clang_getCursorSpelling(c);
	e->u.str = decode_literal(lw, clang_getCString(s) ? clang_getCString(s) : "");
	clang_disposeString(s);
	return e;
}

void lw_mark_addr_taken(struct lower *lw, const struct ir_expr *e)
{
	for (;;) {
		if (e->kind == IR_E_FIELD && !e->u.field.arrow)
			e = e->u.field.base;
		else if (e->kind == IR_E_INDEX && e->u.binary.l->kind == IR_E_VAR && lw->fn &&
		         lw->fn->vars[e->u.binary.l->u.var].ty->cls == IR_TY_ARRAY)
			e = e->u.binary.l;
		else
			break;
	}
	if (e->kind == IR_E_VAR && lw->fn)
		lw->fn->vars[e->u.var].addr_taken = true;
}

/* The value of e converted to ty (the cast itself is dropped). */
static struct ir_expr *retype(struct lower *lw, struct ir_expr *e, CXType ty)
{
	if (!e)
		return NULL;
	const struct ir_type *t = fe_type(lw->t, ty);
	if (t->cls == IR_TY_VOID)
		return e;
	if (e->kind == IR_E_INT && e->u.ival == 0 && (t->cls == IR_TY_PTR || t->cls == IR_TY_FUNCPTR))
		e->kind = IR_E_NULL;
	/* An array variable decaying to a pointer lets others write into it
	 * (but not as the base of arr[i], see lower_index). */
	if (e->kind == IR_E_VAR && lw->fn && t->cls == IR_TY_PTR && lw->depth != lw->no_escape_depth &&
	    lw->fn->vars[e->u.var].ty->cls == IR_TY_ARRAY)
		lw->fn->vars[e->u.var].addr_taken = true;
	e->ty = t;
	return e;
}

struct ir_expr *lw_deref(struct lower *lw, struct ir_expr *e, CXType ty)
{
	if (e->kind == IR_E_ADDR) /* *&x is x */
		return retype(lw, ir_expr_copy(lw->tu, e->u.unary.operand), ty);
	return ir_expr_unary(lw->tu, IR_E_DEREF, IR_OP_NONE, e, fe_type(lw->t, ty));
}

static bool is_lvalue(const struct ir_expr *e)
{
	switch (e->kind) {
	case IR_E_VAR:
	case IR_E_GLOBAL:
	case IR_E_FIELD:
	case IR_E_DEREF:
	case IR_E_INDEX:
		return true;
	default:
		return false;
	}
}

void lw_assign(struct lower *lw, struct ir_expr *dst, struct ir_expr *src, struct ir_loc loc)
{
	if (!lw->fn)
		return;
	if (!is_lvalue(dst)) {
		/* `*(c ? &a : &b) = v` and other targets we cannot name: the
		 * value is still used. */
		if (src->kind != IR_E_INT && src->kind != IR_E_NULL && src->kind != IR_E_UNKNOWN) {
			struct ir_stmt *s = lw_stmt(lw, IR_S_EVAL, loc);
			s->src = src;
		}
		return;
	}
	struct ir_stmt *s = lw_stmt(lw, IR_S_ASSIGN, loc);
	s->dst = dst;
	s->src = src;
}

static CXCursor only_child(struct lower *lw, CXCursor c, bool *ok)
{
	struct kids k;
	lw_kids_code(lw, &k, c);
	CXCursor r = k.n ? k.v[k.n - 1] : clang_getNullCursor();
	*ok = k.n > 0;
	kids_dispose(&k);
	return r;
}


static bool is_builtin_expect(const char *name)
{
	return strcmp(name, "__builtin_expect") == 0 ||
	       strcmp(name, "__builtin_expect_with_probability") == 0;
}

/* The callee's name when c calls a function by name (its referenced
 * declaration is a function: a call through a pointer references the
 * pointer's declaration), else NULL. */
static const char *direct_callee(struct lower *lw, CXCursor c, CXCursor *decl)
{
	CXCursor ref = clang_getCursorReferenced(c);
	if (clang_getCursorKind(ref) != CXCursor_FunctionDecl)
		return NULL;
	*decl = ref;
	return fe_decl_name(lw->t, ref);
}

/*
 * A call: the callee (for an indirect call) and the arguments are lowered
 * first, then one IR_S_CALL writes the result to dst (the assignment's
 * target), to a new temporary when the value is wanted, or nowhere. A
 * noreturn call ends the block (IR_T_UNREACHABLE). __builtin_expect(e, c)
 * is just e.
 */
static struct ir_expr *lower_call(struct lower *lw, CXCursor c, enum want want, struct ir_expr *dst)
{
	CXType cty = clang_getCursorType(c);
	if (!lw->fn)
		return constant_or_unknown(lw, c);
	int n = clang_Cursor_getNumArguments(c);
	uint32_t nargs = n > 0 ? (uint32_t)n : 0;
	CXCursor decl = clang_getNullCursor();
	const char *name = direct_callee(lw, c, &decl);
	if (name && is_builtin_expect(name) && nargs >= 1) {
		struct ir_expr *v = lw_expr(lw, clang_Cursor_getArgument(c, 0), WANT_VALUE);
		if (dst) {
			lw_assign(lw, dst, v, fe_loc(lw->t, c));
			return want ? ir_expr_copy(lw->tu, dst) : NULL;
		}
		return retype(lw, v, cty);
	}
	struct ir_expr *fnexpr = NULL;
	bool noreturn = name && fe_decl_noreturn(lw->t, decl);
	if (!name) {
		/* Only an indirect call needs its callee: the first child. */
		struct kids k;
		lw_kids_code(lw, &k, c);
		if (k.n) {
			fnexpr = lw_expr(lw, k.v[0], WANT_VALUE);
			noreturn = fe_type_noreturn(lw->t, clang_getCursorType(k.v[0]));
		}
		kids_dispose(&k);
		if (!fnexpr)
			return lw_unknown(lw, cty);
	}
	struct ir_expr **args = ir_args_new(lw->tu, nargs);
	for (uint32_t i = 0; i < nargs && !lw->too_deep; i++)
		args[i] = lw_expr(lw, clang_Cursor_getArgument(c, i), WANT_VALUE);
	if (lw->too_deep)
		return lw_unknown(lw, cty);

	const struct ir_type *rty = fe_type(lw->t, cty);
	if (!dst && want == WANT_VALUE && rty->cls != IR_TY_VOID)
		dst = lw_var_ref(lw, lw_temp(lw, rty));
	if (dst && !is_lvalue(dst))
		dst = NULL;
	struct ir_stmt *s = lw_stmt(lw, IR_S_CALL, fe_loc(lw->t, c));
	s->dst = dst;
	s->call.callee = name;
	s->call.fn = fnexpr;
	s->call.args = args;
	s->call.nargs = nargs;
	s->call.macro = fe_macro_at(lw->t, c);
	s->call.noreturn = noreturn;
	if (noreturn) {
		ir_term_unreachable(lw->fn, lw->cur);
		lw->fn->blocks[lw->cur].term.loc = s->loc;
		lw_dead(lw);
	}
	if (want == WANT_DISCARD)
		return NULL;
	return dst ? ir_expr_copy(lw->tu, dst) : lw_unknown(lw, cty);
}

static struct ir_expr *lower_conditional(struct lower *lw, CXCursor c, CXCursor cond,
                                         CXCursor a, CXCursor b, enum want want,
                                         struct ir_expr *dst);
static bool conditional_parts(struct lower *lw, CXCursor c, CXCursor parts[3]);

/* Conversions of a plain variable or enumerator (see lower_unexposed):
 * nothing inside them to look through for. */
static bool converts_a_name(CXCursor c)
{
	enum CXCursorKind rk = clang_getCursorKind(clang_getCursorReferenced(c));
	return rk == CXCursor_VarDecl || rk == CXCursor_ParmDecl || rk == CXCursor_EnumConstantDecl;
}

/* Is c an implicit conversion: an UnexposedExpr whose one operand sits at
 * the same location (va_arg also has one operand, but its own location). */
static bool implicit_cast(CXCursor c, const struct kids *k)
{
	return k->n == 1 && clang_equalLocations(clang_getCursorLocation(c),
	                                         clang_getCursorLocation(k->v[0]));
}

/* dst = c, looking through parentheses and conversions for a call (which
 * then writes dst itself) or a ?: (which writes it on each arm). outer is
 * the type of the outermost layer looked through (the value's type after
 * conversion), or NULL at the top. */
static void store_inner(struct lower *lw, struct ir_expr *dst, CXCursor c, struct ir_loc loc,
                        const CXType *outer)
{
	enum CXCursorKind kind = clang_getCursorKind(c);
	CXCursor p[3];
	if (lw->fn && (kind == CXCursor_ParenExpr || kind == CXCursor_CStyleCastExpr ||
	               (kind == CXCursor_UnexposedExpr && !converts_a_name(c)))) {
		struct kids k;
		lw_kids_code(lw, &k, c);
		CXType cty = clang_getCursorType(c);
		bool through = k.n == 1 && (kind != CXCursor_UnexposedExpr || implicit_cast(c, &k)) &&
		               (kind != CXCursor_CStyleCastExpr || fe_type(lw->t, cty)->cls != IR_TY_VOID);
		CXCursor sub = k.n ? k.v[0] : c;
		kids_dispose(&k);
		if (through && lw_enter(lw)) {
			store_inner(lw, dst, sub, loc, outer ? outer : &cty);
			lw_leave(lw);
			return;
		}
	} else if (kind == CXCursor_CallExpr && lw->fn) {
		lower_call(lw, c, WANT_DISCARD, dst);
		return;
	} else if (kind == CXCursor_ConditionalOperator && lw->fn && is_lvalue(dst) &&
	           conditional_parts(lw, c, p)) {
		lower_conditional(lw, c, p[0], p[1], p[2], WANT_DISCARD, dst);
		return;
	}
	struct ir_expr *v = lw_expr(lw, c, WANT_VALUE);
	if (outer)
		v = retype(lw, v, *outer);
	lw_assign(lw, dst, v, loc);
}

void lw_store(struct lower *lw, struct ir_expr *dst, CXCursor c, struct ir_loc loc)
{
	if (!lw_enter(lw))
		return;
	store_inner(lw, dst, c, loc, NULL);
	lw_leave(lw);
}

static enum ir_op binop_of(enum CXBinaryOperatorKind k)
{
	switch (k) {
	case CXBinaryOperator_Mul: case CXBinaryOperator_MulAssign: return IR_OP_MUL;
	case CXBinaryOperator_Div: case CXBinaryOperator_DivAssign: return IR_OP_DIV;
	case CXBinaryOperator_Rem: case CXBinaryOperator_RemAssign: return IR_OP_REM;
	case CXBinaryOperator_Add: case CXBinaryOperator_AddAssign: return IR_OP_ADD;
	case CXBinaryOperator_Sub: case CXBinaryOperator_SubAssign: return IR_OP_SUB;
	case CXBinaryOperator_Shl: case CXBinaryOperator_ShlAssign: return IR_OP_SHL;
	case CXBinaryOperator_Shr: case CXBinaryOperator_ShrAssign: return IR_OP_SHR;
	case CXBinaryOperator_And: case CXBinaryOperator_AndAssign: return IR_OP_BITAND;
	case CXBinaryOperator_Or: case CXBinaryOperator_OrAssign: return IR_OP_BITOR;
	case CXBinaryOperator_Xor: case CXBinaryOperator_XorAssign: return IR_OP_BITXOR;
	case CXBinaryOperator_LT: return IR_OP_LT;
	case CXBinaryOperator_GT: return IR_OP_GT;
	case CXBinaryOperator_LE: return IR_OP_LE;
	case CXBinaryOperator_GE: return IR_OP_GE;
	case CXBinaryOperator_EQ: return IR_OP_EQ;
	case CXBinaryOperator_NE: return IR_OP_NE;
	default: return IR_OP_NONE;
	}
}

static struct ir_expr *binary(struct lower *lw, enum ir_op op, struct ir_expr *l,
                              struct ir_expr *r, const struct ir_type *ty, struct ir_loc loc)
{
	struct ir_expr *e = ir_expr_binary(lw->tu, IR_E_BINOP, op, l, r, ty);
	e->loc = loc;
	return e;
}

/* ++ and --: `x = x + 1`; a postfix whose value is used first copies x. */
static struct ir_expr *lower_incdec(struct lower *lw, CXCursor c, CXCursor operand, bool inc,
                                    bool post, enum want want)
{
	if (!lw->fn)
		return lw_unknown(lw, clang_getCursorType(c));
	struct ir_expr *l = lw_expr(lw, operand, WANT_VALUE);
	const struct ir_type *ty = fe_type(lw->t, clang_getCursorType(operand));
	struct ir_loc loc = fe_loc(lw->t, c);
	struct ir_expr *one = ir_expr_int(lw->tu, 1);
	one->loc = loc;
	enum ir_op op = inc ? IR_OP_ADD : IR_OP_SUB;
	if (post && want == WANT_VALUE) {
		struct ir_expr *old = lw_var_ref(lw, lw_temp(lw, ty));
		lw_assign(lw, old, ir_expr_copy(lw->tu, l), loc);
		lw_assign(lw, l, binary(lw, op, ir_expr_copy(lw->tu, old), one, ty, loc), loc);
		return ir_expr_copy(lw->tu, old);
	}
	lw_assign(lw, l, binary(lw, op, ir_expr_copy(lw->tu, l), one, ty, loc), loc);
	return want ? ir_expr_copy(lw->tu, l) : NULL;
}

static struct ir_expr *lower_unary(struct lower *lw, CXCursor c, enum want want)
{
	CXType cty = clang_getCursorType(c);
	bool ok;
	CXCursor sub = only_child(lw, c, &ok);
	if (!ok)
		return lw_unknown(lw, cty);
	enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
	struct ir_expr *e;
	switch (op) {
	case CXUnaryOperator_PostInc:
	case CXUnaryOperator_PostDec:
	case CXUnaryOperator_PreInc:
	case CXUnaryOperator_PreDec:
		return lower_incdec(lw, c, sub,
		                    op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PreInc,
		                    op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec, want);
	case CXUnaryOperator_AddrOf:
		e = lw_expr(lw, sub, WANT_VALUE);
		if (e->kind == IR_E_DEREF) /* &*p is p */
			return retype(lw, ir_expr_copy(lw->tu, e->u.unary.operand), cty);
		lw_mark_addr_taken(lw, e);
		e = ir_expr_unary(lw->tu, IR_E_ADDR, IR_OP_NONE, e, fe_type(lw->t, cty));
		loc_use(lw, e, c);
		return e;
	case CXUnaryOperator_Deref:
		e = lw_expr(lw, sub, WANT_VALUE);
		if (e->ty->cls == IR_TY_FUNCPTR) /* (*fp)(x) calls fp */
			return e;
		e = lw_deref(lw, e, cty);
		if (e->kind == IR_E_DEREF)
			loc_use(lw, e, c);
		return e;
	case CXUnaryOperator_Plus:
	case CXUnaryOperator_Minus:
	case CXUnaryOperator_Not:
	case CXUnaryOperator_LNot: {
		e = lw_expr(lw, sub, WANT_VALUE);
		if (e->kind == IR_E_INT) {
			struct ir_expr *k = constant(lw, c);
			if (k)
				return k;
		}
		enum ir_op iop = op == CXUnaryOperator_Plus ? IR_OP_PLUS
		               : op == CXUnaryOperator_Minus ? IR_OP_NEG
		               : op == CXUnaryOperator_Not ? IR_OP_BITNOT : IR_OP_NOT;
		e = ir_expr_unary(lw->tu, IR_E_UNOP, iop, e, fe_type(lw->t, cty));
		return e;
	}
	case CXUnaryOperator_Extension:
		return lw_expr(lw, sub, want);
	default: /* __real__, __imag__ */
		lw_expr(lw, sub, WANT_DISCARD);
		return lw_unknown(lw, cty);
	}
}

/* `a && b` / `a || b` as a value: a temporary set to 1 or 0 on each arm;
 * for its side effects only: b runs when a lets it. */
static struct ir_expr *lower_logical(struct lower *lw, CXCursor c, CXCursor l, CXCursor r,
                                     bool is_and, enum want want)
{
	CXType cty = clang_getCursorType(c);
	if (!lw->fn)
		return constant_or_unknown(lw, c);
	struct ir_loc loc = fe_loc(lw->t, c);
	if (want == WANT_DISCARD) {
		uint32_t rhs = lw_new_block(lw), join = lw_new_block(lw);
		lw_cond(lw, l, is_and ? rhs : join, is_and ? join : rhs);
		lw_set_block(lw, rhs, false);
		lw_expr(lw, r, WANT_DISCARD);
		lw_goto(lw, join);
		return NULL;
	}
	uint32_t tv = lw_temp(lw, fe_type(lw->t, cty));
	uint32_t tb = lw_new_block(lw), fb = lw_new_block(lw), join = lw_new_block(lw);
	lw_cond(lw, c, tb, fb);
	lw_set_block(lw, tb, false);
	lw_assign(lw, lw_var_ref(lw, tv), int_expr(lw, 1, cty, c), loc);
	lw_jump(lw, join);
	lw_set_block(lw, fb, false);
	lw_assign(lw, lw_var_ref(lw, tv), int_expr(lw, 0, cty, c), loc);
	lw_goto(lw, join);
	return lw_var_ref(lw, tv);
}

/* c ? a : b. Its value goes to dst on each arm (`x = c ? f() : NULL` is
 * `x = f()` on one arm and `x = NULL` on the other); when there is no dst
 * and the value is wanted, to a temporary. */
static struct ir_expr *lower_conditional(struct lower *lw, CXCursor c, CXCursor cond,
                                         CXCursor a, CXCursor b, enum want want,
                                         struct ir_expr *dst)
{
	CXType cty = clang_getCursorType(c);
	if (!lw->fn)
		return constant_or_unknown(lw, c);
	const struct ir_type *ty = fe_type(lw->t, cty);
	if (!dst && want == WANT_VALUE && ty->cls != IR_TY_VOID)
		dst = lw_var_ref(lw, lw_temp(lw, ty));
	uint32_t ab = lw_new_block(lw), bb = lw_new_block(lw), join = lw_new_block(lw);
	lw_cond(lw, cond, ab, bb);
	CXCursor arms[2] = { a, b };
	uint32_t blocks[2] = { ab, bb };
	for (int i = 0; i < 2; i++) {
		lw_set_block(lw, blocks[i], false);
		if (dst)
			lw_store(lw, ir_expr_copy(lw->tu, dst), arms[i], fe_loc(lw->t, arms[i]));
		else
			lw_expr(lw, arms[i], WANT_DISCARD);
		lw_jump(lw, join);
	}
	lw_set_block(lw, join, false);
	if (dst)
		return want ? ir_expr_copy(lw->tu, dst) : NULL;
	return want ? lw_unknown(lw, cty) : NULL;
}

static bool conditional_parts(struct lower *lw, CXCursor c, CXCursor parts[3])
{
	struct kids k;
	lw_kids_code(lw, &k, c);
	bool ok = k.n == 3;
	for (unsigned i = 0; ok && i < 3; i++)
		parts[i] = k.v[i];
	kids_dispose(&k);
	return ok;
}

/* GNU a ?: b: a is evaluated once; t = a; if (!t) t = b. */
static struct ir_expr *lower_gnu_cond(struct lower *lw, CXCursor c, CXCursor common,
                                      CXCursor other, enum want want)
{
	CXType cty = clang_getCursorType(c);
	if (!lw->fn)
		return constant_or_unknown(lw, c);
	const struct ir_type *ty = fe_type(lw->t, cty);
	struct ir_loc loc = fe_loc(lw->t, c);
	uint32_t tv = lw_temp(lw, ty);
	struct ir_expr *a = lw_expr(lw, common, WANT_VALUE);
	lw_assign(lw, lw_var_ref(lw, tv), a, loc);
	uint32_t ob = lw_new_block(lw), join = lw_new_block(lw);
	lw_branch(lw, lw_var_ref(lw, tv), join, ob, loc);
	lw_set_block(lw, ob, false);
	lw_store(lw, lw_var_ref(lw, tv), other, fe_loc(lw->t, other));
	lw_goto(lw, join);
	return want ? lw_var_ref(lw, tv) : NULL;
}

/* The two operands of a binary node; false when it has not two. */
static bool two_kids(struct lower *lw, CXCursor c, CXCursor *l, CXCursor *r)
{
	struct kids k;
	lw_kids_code(lw, &k, c);
	bool ok = k.n == 2;
	if (ok) {
		*l = k.v[0];
		*r = k.v[1];
	}
	kids_dispose(&k);
	return ok;
}

static struct ir_expr *lower_binary(struct lower *lw, CXCursor c, enum want want)
{
	CXType cty = clang_getCursorType(c);
	CXCursor l, r;
	if (!two_kids(lw, c, &l, &r))
		return lw_unknown(lw, cty);
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	struct ir_loc loc;
	struct ir_expr *dst, *a, *b;
	switch (op) {
	case CXBinaryOperator_Assign:
		if (!lw->fn)
			return lw_unknown(lw, cty);
		dst = lw_expr(lw, l, WANT_VALUE);
		lw_store(lw, dst, r, fe_loc(lw->t, c));
		return want ? ir_expr_copy(lw->tu, dst) : NULL;
	case CXBinaryOperator_MulAssign: case CXBinaryOperator_DivAssign:
	case CXBinaryOperator_RemAssign: case CXBinaryOperator_AddAssign:
	case CXBinaryOperator_SubAssign: case CXBinaryOperator_ShlAssign:
	case CXBinaryOperator_ShrAssign: case CXBinaryOperator_AndAssign:
	case CXBinaryOperator_XorAssign: case CXBinaryOperator_OrAssign:
		if (!lw->fn)
			return lw_unknown(lw, cty);
		loc = fe_loc(lw->t, c);
		dst = lw_expr(lw, l, WANT_VALUE);
		b = lw_expr(lw, r, WANT_VALUE);
		lw_assign(lw, dst, binary(lw, binop_of(op), ir_expr_copy(lw->tu, dst), b,
		                            fe_type(lw->t, clang_getCursorType(l)), loc), loc);
		return want ? ir_expr_copy(lw->tu, dst) : NULL;
	case CXBinaryOperator_LAnd:
	case CXBinaryOperator_LOr:
		return lower_logical(lw, c, l, r, op == CXBinaryOperator_LAnd, want);
	case CXBinaryOperator_Comma:
		lw_expr(lw, l, WANT_DISCARD);
		return lw_expr(lw, r, want);
	default:
		break;
	}
	enum ir_op iop = binop_of(op);
	if (iop == IR_OP_NONE)
		return lw_unknown(lw, cty);
	a = lw_expr(lw, l, WANT_VALUE);
	b = lw_expr(lw, r, WANT_VALUE);
	if (a->kind == IR_E_INT && b->kind == IR_E_INT) {
		struct ir_expr *kc = constant(lw, c);
		if (kc)
			return kc;
	}
	struct ir_loc none = { 0 };
	return binary(lw, iop, a, b, fe_type(lw->t, cty), none);
}

static struct ir_expr *lower_declref(struct lower *lw, CXCursor c)
{
	CXCursor ref = clang_getCursorReferenced(c);
	uint32_t v;
	struct ir_expr *e;
	CXType cty;
	switch (clang_getCursorKind(ref)) {
	case CXCursor_VarDecl:
	case CXCursor_ParmDecl:
		if (lw_lookup_var(lw, ref, &v))
			return ir_expr_var(lw->tu, lw->fn, v); /* typed as declared */
		cty = clang_getCursorType(c);
		e = mk(lw, IR_E_GLOBAL, cty, c);
		e->u.name = fe_spelling(lw->t, ref);
		return e;
	case CXCursor_FunctionDecl:
		e = mk(lw, IR_E_FUNC, clang_getCursorType(c), c);
		e->u.name = fe_spelling(lw->t, ref);
		return e;
	case CXCursor_EnumConstantDecl:
		return int_expr(lw, clang_getEnumConstantDeclValue(ref), clang_getCursorType(c), c);
	default:
		return lw_unknown(lw, clang_getCursorType(c));
	}
}

static struct ir_expr *lower_member(struct lower *lw, CXCursor c)
{
	CXType cty = clang_getCursorType(c);
	bool ok;
	CXCursor base = only_child(lw, c, &ok);
	if (!ok)
		return lw_unknown(lw, cty);
	struct ir_expr *b = lw_expr(lw, base, WANT_VALUE);
	const char *name = fe_spelling(lw->t, c);
	if (!*name) /* an anonymous struct or union member: its fields are ours */
		return retype(lw, b, cty);
	bool arrow = clang_getCanonicalType(clang_getCursorType(base)).kind == CXType_Pointer;
	struct ir_expr *e = ir_expr_field(lw->tu, b, name, arrow, fe_type(lw->t, cty));
	loc_use(lw, e, c);
	return e;
}

static struct ir_expr *lower_index(struct lower *lw, CXCursor c)
{
	CXType cty = clang_getCursorType(c);
	CXCursor l, r;
	if (!two_kids(lw, c, &l, &r))
		return lw_unknown(lw, cty);
	/* arr[i] converts arr to a pointer, but does not let its address out:
	 * the conversion at the base itself (one level down) does not count. */
	uint32_t saved = lw->no_escape_depth;
	lw->no_escape_depth = lw->depth + 1;
	struct ir_expr *a = lw_expr(lw, l, WANT_VALUE);
	lw->no_escape_depth = saved;
	struct ir_expr *b = lw_expr(lw, r, WANT_VALUE);
	struct ir_expr *e = ir_expr_binary(lw->tu, IR_E_INDEX, IR_OP_NONE, a, b, fe_type(lw->t, cty));
	loc_use(lw, e, c);
	return e;
}

/* ({ s1; …; e; }): the statements, then e's value. */
static struct ir_expr *lower_stmt_expr(struct lower *lw, CXCursor c, enum want want)
{
	CXType cty = clang_getCursorType(c);
	if (!lw->fn)
		return lw_unknown(lw, cty);
	bool ok;
	CXCursor body = only_child(lw, c, &ok);
	struct kids k;
	lw_kids_code(lw, &k, body);
	struct ir_expr *v = NULL;
	for (unsigned i = 0; i + 1 < k.n; i++)
		lw_stmt_lower(lw, k.v[i]);
	if (k.n) {
		CXCursor last = k.v[k.n - 1];
		if (clang_isExpression(clang_getCursorKind(last)))
			v = lw_expr(lw, last, want);
		else
			lw_stmt_lower(lw, last);
	}
	kids_dispose(&k);
	if (!v && want == WANT_VALUE)
		v = lw_unknown(lw, cty);
	return v;
}

/* (T){ … }: a temporary object, initialised member by member. */
static struct ir_expr *lower_compound_literal(struct lower *lw, CXCursor c)
{
	CXType cty = clang_getCursorType(c);
	if (!lw->fn)
		return lw_unknown(lw, cty);
	bool ok;
	CXCursor list = only_child(lw, c, &ok);
	uint32_t tv = lw_temp(lw, fe_type(lw->t, cty));
	if (ok && clang_getCursorKind(list) == CXCursor_InitListExpr)
		lw_init_list(lw, lw_var_ref(lw, tv), list, cty);
	else if (ok)
		lw_store(lw, lw_var_ref(lw, tv), list, fe_loc(lw->t, c));
	return lw_var_ref(lw, tv);
}

static struct ir_expr *lower_addr_label(struct lower *lw, CXCursor c)
{
	struct kids k;
	lw_kids(lw, &k, c);
	for (unsigned i = 0; i < k.n && lw->fn; i++) {
		if (clang_getCursorKind(k.v[i]) != CXCursor_LabelRef)
			continue;
		const char *name = fe_spelling(lw->t, k.v[i]);
		bool seen = false;
		for (uint32_t j = 0; j < lw->naddr_labels && !seen; j++)
			seen = strcmp(lw->addr_labels[j], name) == 0;
		if (!seen)
			VEC_PUSH(lw->addr_labels, lw->naddr_labels, lw->cap_addr_labels, name);
	}
	kids_dispose(&k);
	return lw_unknown(lw, clang_getCursorType(c));
}

/* For sizeof(T) and sizeof expr of a struct or union type: its name (how
 * a type table names the struct of its instances). The operator is read
 * where it is spelled, so sizeof inside a macro counts; _Alignof does not. */
static const char *sizeof_record(struct lower *lw, CXCursor c)
{
	CXFile f;
	unsigned off;
	clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(c)), &f, NULL, NULL, &off);
	if (!f || !fe_word_at(lw->t, f, off, "sizeof"))
		return NULL;
	struct kids k;
	lw_kids(lw, &k, c);
	const char *name = NULL;
	if (k.n == 1)
		name = fe_record_name(lw->t, clang_getCursorType(k.v[0]));
	kids_dispose(&k);
	return name;
}

/* UnexposedExpr: an implicit conversion, GNU ?:, or something libclang
 * does not expose (va_arg, atomics, __builtin_choose_expr …), whose
 * operands are lowered for their side effects. */
static struct ir_expr *lower_unexposed(struct lower *lw, CXCursor c, enum want want)
{
	CXType cty = clang_getCursorType(c);
	/* Most of these are conversions of a variable (x read as a value,
	 * an array decaying). clang_getCursorReferenced looks through implicit
	 * conversions only (to the variable, or to a member, or a callee), so
	 * a variable here means conversions of a DeclRefExpr: no need to
	 * visit them (a visit per node is lowering's largest cost). */
	CXCursor ref = clang_getCursorReferenced(c);
	enum CXCursorKind rk = clang_getCursorKind(ref);
	uint32_t v;
	if ((rk == CXCursor_VarDecl || rk == CXCursor_ParmDecl) && lw_lookup_var(lw, ref, &v))
		return retype(lw, ir_expr_var(lw->tu, lw->fn, v), cty);
	if (rk == CXCursor_EnumConstantDecl)
		return int_expr(lw, clang_getEnumConstantDeclValue(ref), cty, c);
	struct kids k;
	lw_kids_code(lw, &k, c);
	if (implicit_cast(c, &k)) {
		CXCursor sub = k.v[0];
		kids_dispose(&k);
		/* clang_Cursor_Evaluate reads a string literal only through the
		 * conversion around it. */
		if (clang_getCursorKind(sub) == CXCursor_StringLiteral) {
			struct ir_expr *s = constant(lw, c);
			if (s)
				return s;
		}
		return retype(lw, lw_expr(lw, sub, want), cty);
	}
	if (fe_is_gnu_cond(c, &k)) {
		CXCursor common = k.v[0], other = k.v[3];
		kids_dispose(&k);
		return lower_gnu_cond(lw, c, common, other, want);
	}
	if (k.n == 0) {
		kids_dispose(&k);
		return constant_or_unknown(lw, c);
	}
	struct ir_expr *atomic;
	if (lw_atomic(lw, c, &k, want, &atomic)) {
		kids_dispose(&k);
		if (atomic)
			return retype(lw, atomic, cty);
		return want ? lw_unknown(lw, cty) : NULL;
	}
	for (unsigned i = 0; i < k.n; i++)
		lw_expr(lw, k.v[i], WANT_DISCARD);
	kids_dispose(&k);
	return lw_unknown(lw, cty);
}

static struct ir_expr *expr_inner(struct lower *lw, CXCursor c, enum want want)
{
	CXType cty;
	bool ok;
	CXCursor sub;
	struct kids k;
	struct ir_expr *e;
	enum CXCursorKind kind = clang_getCursorKind(c);
	switch (kind) {
	case CXCursor_ParenExpr:
		sub = only_child(lw, c, &ok);
		return ok ? lw_expr(lw, sub, want) : lw_unknown(lw, clang_getCursorType(c));
	case CXCursor_DeclRefExpr:
		return lower_declref(lw, c);
	case CXCursor_UnexposedExpr:
		return lower_unexposed(lw, c, want);
	case CXCursor_CallExpr:
		return lower_call(lw, c, want, NULL);
	default:
		break;
	}
	cty = clang_getCursorType(c);
	switch (kind) {
	case CXCursor_CStyleCastExpr:
		sub = only_child(lw, c, &ok);
		if (!ok)
			return lw_unknown(lw, cty);
		if (fe_type(lw->t, cty)->cls == IR_TY_VOID) {
			e = lw_expr(lw, sub, WANT_DISCARD);
			return want ? lw_unknown(lw, cty) : e;
		}
		return retype(lw, lw_expr(lw, sub, want), cty);
	case CXCursor_StringLiteral:
		return string_literal(lw, c);
	case CXCursor_UnaryExpr:      /* sizeof, _Alignof: operands not evaluated */
		e = constant_or_unknown(lw, c);
		if (e->kind == IR_E_INT)
			e->sizeof_record = sizeof_record(lw, c);
		return e;
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_CXXBoolLiteralExpr:
		return constant_or_unknown(lw, c);
	case CXCursor_GNUNullExpr:
	case CXCursor_CXXNullPtrLiteralExpr:
		e = mk(lw, IR_E_NULL, cty, c);
		return e;
	case CXCursor_UnaryOperator:
		return lower_unary(lw, c, want);
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		return lower_binary(lw, c, want);
	case CXCursor_ConditionalOperator: {
		CXCursor p[3];
		if (conditional_parts(lw, c, p))
			return lower_conditional(lw, c, p[0], p[1], p[2], want, NULL);
		return lw_unknown(lw, cty);
	}
	case CXCursor_MemberRefExpr:
		return lower_member(lw, c);
	case CXCursor_ArraySubscriptExpr:
		return lower_index(lw, c);
	case CXCursor_StmtExpr:
		return lower_stmt_expr(lw, c, want);
	case CXCursor_CompoundLiteralExpr:
		return lower_compound_literal(lw, c);
	case CXCursor_AddrLabelExpr:
		return lower_addr_label(lw, c);
	case CXCursor_FloatingLiteral:
	case CXCursor_ImaginaryLiteral:
	case CXCursor_GenericSelectionExpr:
		return lw_unknown(lw, cty);
	default:
		lw_kids_code(lw, &k, c);
		for (unsigned i = 0; i < k.n; i++)
			lw_expr(lw, k.v[i], WANT_DISCARD);
		kids_dispose(&k);
		return lw_unknown(lw, cty);
	}
}

struct ir_expr *lw_expr(struct lower *lw, CXCursor c, enum want want)
{
	if (!lw_enter(lw))
		return lw_unknown(lw, clang_getCursorType(c));
	struct ir_expr *e = expr_inner(lw, c, want);
	lw_leave(lw);
	if (!e && want == WANT_VALUE)
		e = lw_unknown(lw, clang_getCursorType(c));
	return e;
}

/* ---- conditions ---- */

void lw_branch(struct lower *lw, struct ir_expr *e, uint32_t t, uint32_t f, struct ir_loc loc)
{
	if (lw->fn->blocks[lw->cur].term.kind != IR_T_NONE)
		lw_dead(lw);
	if (e->kind == IR_E_INT || e->kind == IR_E_NULL || e->kind == IR_E_STR) {
		bool truth = e->kind == IR_E_STR || (e->kind == IR_E_INT && e->u.ival != 0);
		ir_term_goto(lw->fn, lw->cur, truth ? t : f);
	} else {
		ir_term_branch(lw->fn, lw->cur, e, t, f);
	}
	lw->fn->blocks[lw->cur].term.loc = loc;
}

static void cond_inner(struct lower *lw, CXCursor c, uint32_t t, uint32_t f)
{
	enum CXCursorKind kind = clang_getCursorKind(c);
	struct kids k;
	bool ok;
	CXCursor sub;
	switch (kind) {
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
		sub = only_child(lw, c, &ok);
		if (ok) {
			lw_cond(lw, sub, t, f);
			return;
		}
		break;
	case CXCursor_UnexposedExpr:
		if (converts_a_name(c))
			break;
		lw_kids_code(lw, &k, c);
		if (implicit_cast(c, &k)) {
			sub = k.v[0];
			kids_dispose(&k);
			lw_cond(lw, sub, t, f);
			return;
		}
		if (fe_is_gnu_cond(c, &k)) {
			CXCursor common = k.v[0], other = k.v[3];
			kids_dispose(&k);
			struct ir_expr *a = lw_expr(lw, common, WANT_VALUE);
			uint32_t ob = lw_new_block(lw);
			lw_branch(lw, a, t, ob, fe_loc(lw->t, c));
			lw_set_block(lw, ob, false);
			lw_cond(lw, other, t, f);
			return;
		}
		kids_dispose(&k);
		break;
	case CXCursor_UnaryOperator:
		if (clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot ||
		    clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Extension) {
			bool neg = clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot;
			sub = only_child(lw, c, &ok);
			if (ok) {
				lw_cond(lw, sub, neg ? f : t, neg ? t : f);
				return;
			}
		}
		break;
	case CXCursor_BinaryOperator: {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
		if (op != CXBinaryOperator_LAnd && op != CXBinaryOperator_LOr &&
		    op != CXBinaryOperator_Comma)
			break;
		lw_kids_code(lw, &k, c);
		if (k.n != 2) {
			kids_dispose(&k);
			break;
		}
		CXCursor l = k.v[0], r = k.v[1];
		kids_dispose(&k);
		if (op == CXBinaryOperator_Comma) {
			lw_expr(lw, l, WANT_DISCARD);
			lw_cond(lw, r, t, f);
			return;
		}
		uint32_t mid = lw_new_block(lw);
		if (op == CXBinaryOperator_LAnd)
			lw_cond(lw, l, mid, f);
		else
			lw_cond(lw, l, t, mid);
		lw_set_block(lw, mid, false);
		lw_cond(lw, r, t, f);
		return;
	}
	case CXCursor_ConditionalOperator:
		lw_kids_code(lw, &k, c);
		if (k.n == 3) {
			CXCursor cc = k.v[0], a = k.v[1], b = k.v[2];
			kids_dispose(&k);
			uint32_t ab = lw_new_block(lw), bb = lw_new_block(lw);
			lw_cond(lw, cc, ab, bb);
			lw_set_block(lw, ab, false);
			lw_cond(lw, a, t, f);
			lw_set_block(lw, bb, false);
			lw_cond(lw, b, t, f);
			return;
		}
		kids_dispose(&k);
		break;
	case CXCursor_CallExpr:
		lw_kids_code(lw, &k, c);
		if (k.n >= 2) {
			CXCursor decl;
			const char *name = direct_callee(lw, c, &decl);
			if (name && is_builtin_expect(name)) {
				sub = k.v[1];
				kids_dispose(&k);
				lw_cond(lw, sub, t, f);
				return;
			}
		}
		kids_dispose(&k);
		break;
	default:
		break;
	}
	struct ir_expr *e = lw_expr(lw, c, WANT_VALUE);
	lw_branch(lw, e, t, f, fe_loc(lw->t, c));
}

void lw_cond(struct lower *lw, CXCursor c, uint32_t t, uint32_t f)
{
	if (!lw_enter(lw))
		return;
	cond_inner(lw, c, t, f);
	lw_leave(lw);
}

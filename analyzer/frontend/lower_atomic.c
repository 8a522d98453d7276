/*
 * lower_atomic.c — the atomic builtins as the loads and stores they are.
 *
 * `atomic_store(&slot, obj)` (<stdatomic.h>), CPython's `_Py_atomic_store`,
 * GLib's `g_atomic_pointer_set` all end in one of clang's atomic builtins
 * (__c11_atomic_store, __atomic_store_n, __atomic_store …). libclang shows
 * them as UnexposedExprs whose children are the operands, so without this
 * file an object stored atomically was simply dropped: the reference handed
 * to the slot looked leaked, and what an exchange returned came from
 * nowhere. Lowered here: store, load, exchange and compare-exchange; the
 * arithmetic ones (fetch_add …) stay opaque, their operands lowered for
 * their side effects (lower_unexposed).
 *
 * The operation is named by the builtin's spelling at the start of the
 * expression (through any macros: the spelling location is where the
 * builtin's name is written). The children come in clang's AtomicExpr
 * order, not the call's: pointer, order, value 1, order on failure,
 * value 2, weak. The GNU generic forms (__atomic_store, __atomic_load,
 * __atomic_exchange, __atomic_compare_exchange) pass values through
 * pointers; the _n, C11, OpenCL and HIP forms pass them directly.
 */
#include "fe_internal.h"

#include <string.h>

enum atomic_op { ATOMIC_NONE, ATOMIC_STORE, ATOMIC_LOAD, ATOMIC_EXCHANGE, ATOMIC_CMPXCHG };

struct atomic_form {
	enum atomic_op op;
	bool generic;       /* values through pointers (GNU __atomic_store …) */
	unsigned nkids;     /* children clang gives this form */
};

/* What the builtin named `name` does, or ATOMIC_NONE. */
static struct atomic_form atomic_form_of(const char *name)
{
	static const char *const direct_prefixes[] = {
		"__c11_atomic_", "__opencl_atomic_", "__hip_atomic_", NULL
	};
	static const char *const gnu_prefixes[] = { "__atomic_", "__scoped_atomic_", NULL };
	struct atomic_form f = { ATOMIC_NONE, false, 0 };
	const char *op = NULL;
	bool gnu = false;
	for (int i = 0; !op && direct_prefixes[i]; i++)
		if (strncmp(name, direct_prefixes[i], strlen(direct_prefixes[i])) == 0)
			op = name + strlen(direct_prefixes[i]);
	for (int i = 0; !op && gnu_prefixes[i]; i++)
		if (strncmp(name, gnu_prefixes[i], strlen(gnu_prefixes[i])) == 0) {
			op = name + strlen(gnu_prefixes[i]);
			gnu = true;
		}
	if (!op)
		return f;
	size_t n = strlen(op);
	bool suffix_n = n > 2 && strcmp(op + n - 2, "_n") == 0;
	size_t base_len = suffix_n ? n - 2 : n;
	f.generic = gnu && !suffix_n;
	if (base_len == 5 && strncmp(op, "store", 5) == 0) {
		f.op = ATOMIC_STORE;
		f.nkids = 3;
	} else if (base_len == 4 && strncmp(op, "load", 4) == 0) {
		f.op = ATOMIC_LOAD;
		f.nkids = f.generic ? 3 : 2;
	} else if (base_len == 8 && strncmp(op, "exchange", 8) == 0) {
		f.op = ATOMIC_EXCHANGE;
		f.nkids = f.generic ? 4 : 3;
	} else if (strncmp(op, "compare_exchange", 16) == 0) {
		/* C11's _strong/_weak have no weak operand; GNU's forms do. */
		f.op = ATOMIC_CMPXCHG;
		f.nkids = gnu ? 6 : 5;
	}
	return f;
}

/* The builtin's name at the start of c, through macros. */
static const char *builtin_name(struct lower *lw, CXCursor c)
{
	CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(c));
	CXFile f;
	unsigned off;
	clang_getSpellingLocation(start, &f, NULL, NULL, &off);
	if (!f)
		return NULL;
	const char *name = fe_ident_at(lw->t, f, off);
	return name && strncmp(name, "__", 2) == 0 ? name : NULL;
}

/* The value operand v: itself, or what it points to in a generic form. */
static struct ir_expr *operand_value(struct lower *lw, const struct atomic_form *f, CXCursor v,
                                     CXType value_ty)
{
	struct ir_expr *e = lw_expr(lw, v, WANT_VALUE);
	return f->generic ? lw_deref(lw, e, value_ty) : e;
}

/* *slot = value of v (direct: a call writes its result there itself). */
static void store_operand(struct lower *lw, const struct atomic_form *f, struct ir_expr *slot,
                          CXCursor v, CXType value_ty, struct ir_loc loc)
{
	if (f->generic)
		lw_assign(lw, slot, operand_value(lw, f, v, value_ty), loc);
	else
		lw_store(lw, slot, v, loc);
}

static struct ir_expr *lower_cmpxchg(struct lower *lw, CXCursor c, const struct atomic_form *f,
                                     const struct kids *k, struct ir_expr *ptr, CXType value_ty,
                                     enum want want)
{
	struct ir_loc loc = fe_loc(lw->t, c);
	struct ir_expr *expected = lw_expr(lw, k->v[2], WANT_VALUE);
	const struct ir_type *ty = fe_type(lw->t, clang_getCursorType(c));
	uint32_t result = lw_temp(lw, ty);
	uint32_t same = lw_new_block(lw), other = lw_new_block(lw), join = lw_new_block(lw);
	/* Equal: the desired value is stored; else the current one is copied
	 * to *expected. */
	struct ir_expr *eq = ir_expr_binary(lw->tu, IR_E_BINOP, IR_OP_EQ, lw_deref(lw, ptr, value_ty),
	                                    lw_deref(lw, ir_expr_copy(lw->tu, expected), value_ty), ty);
	lw_branch(lw, eq, same, other, loc);
	lw_set_block(lw, same, false);
	store_operand(lw, f, lw_deref(lw, ir_expr_copy(lw->tu, ptr), value_ty), k->v[4], value_ty, loc);
	lw_assign(lw, lw_var_ref(lw, result), ir_expr_int(lw->tu, 1), loc);
	lw_jump(lw, join);
	lw_set_block(lw, other, false);
	lw_assign(lw, lw_deref(lw, ir_expr_copy(lw->tu, expected), value_ty),
	          lw_deref(lw, ir_expr_copy(lw->tu, ptr), value_ty), loc);
	lw_assign(lw, lw_var_ref(lw, result), ir_expr_int(lw->tu, 0), loc);
	lw_jump(lw, join);
	lw_set_block(lw, join, false);
	return want ? lw_var_ref(lw, result) : NULL;
}

bool lw_atomic(struct lower *lw, CXCursor c, const struct kids *k, enum want want,
               struct ir_expr **out)
{
	if (!lw->fn || k->n < 2)
		return false;
	const char *name = builtin_name(lw, c);
	if (!name)
		return false;
	struct atomic_form f = atomic_form_of(name);
	if (f.op == ATOMIC_NONE || k->n != f.nkids)
		return false;
	CXType value_ty = clang_getPointeeType(clang_getCursorType(k->v[0]));
	struct ir_loc loc = fe_loc(lw->t, c);
	struct ir_expr *ptr = lw_expr(lw, k->v[0], WANT_VALUE);
	struct ir_expr *slot = lw_deref(lw, ptr, value_ty);
	*out = NULL;
	switch (f.op) {
	case ATOMIC_STORE:
		store_operand(lw, &f, slot, k->v[2], value_ty, loc);
		return true;
	case ATOMIC_LOAD:
		if (f.generic)
			lw_assign(lw, lw_deref(lw, lw_expr(lw, k->v[2], WANT_VALUE), value_ty), slot, loc);
		else if (want)
			*out = slot;
		return true;
	case ATOMIC_EXCHANGE: {
		/* old = *ptr (or *ret = *ptr), then *ptr = value. */
		struct ir_expr *old;
		if (f.generic)
			old = lw_deref(lw, lw_expr(lw, k->v[3], WANT_VALUE), value_ty);
		else
			old = lw_var_ref(lw, lw_temp(lw, fe_type(lw->t, value_ty)));
		lw_assign(lw, old, ir_expr_copy(lw->tu, slot), loc);
		store_operand(lw, &f, ir_expr_copy(lw->tu, slot), k->v[2], value_ty, loc);
		if (!f.generic && want)
			*out = ir_expr_copy(lw->tu, old);
		return true;
	}
	case ATOMIC_CMPXCHG:
		*out = lower_cmpxchg(lw, c, &f, k, ptr, value_ty, want);
		return true;
	default:
		return false;
	}
}

/*
 * ir_build.h — build IR by hand in tests, without libclang (DESIGN §1: the
 * IR is the seam, so the engine and the checks are tested on IR alone).
 *
 * Every statement and terminator gets the next line number, starting at
 * 10, so a test can say "the leak stands on the statement at line 13".
 * Header-only: each test file includes it once.
 */
#ifndef REFCHECK_IR_BUILD_H
#define REFCHECK_IR_BUILD_H

#include "ir/ir.h"
#include "util/arena.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <string.h>

struct irb {
	struct ir_tu *tu;
	struct ir_func *fn;
	uint32_t cur;
	uint32_t line;
	const struct ir_type *obj, *obj2, *i, *v, *p;
};

static inline void irb_init(struct irb *b)
{
	memset(b, 0, sizeof(*b));
	b->tu = ir_tu_new("t.c");
	b->obj = ir_type_make(b->tu, IR_TY_PTR, 1, "rc_object *", "rc_object");
	b->obj2 = ir_type_make(b->tu, IR_TY_PTR, 2, "rc_object **", "rc_object");
	b->i = ir_type_make(b->tu, IR_TY_INT, 0, "int", NULL);
	b->v = ir_type_make(b->tu, IR_TY_VOID, 0, "void", NULL);
	b->p = ir_type_make(b->tu, IR_TY_PTR, 0, "char *", NULL);
	b->line = 10;
}

static inline struct ir_loc irb_loc(struct irb *b)
{
	struct ir_loc l = { 0, b->line, 5, b->line, 20 };
	b->line++;
	return l;
}

/* Declare a function with its annotations (NULL-terminated). */
static inline void irb_decl(struct irb *b, const char *name, const struct ir_type *ret, ...)
{
	struct ir_tu *tu = b->tu;
	VEC_RESERVE(tu->decls, tu->cap_decls, (size_t)tu->ndecls + 1);
	struct ir_decl *d = &tu->decls[tu->ndecls++];
	memset(d, 0, sizeof(*d));
	d->name = ir_strdup(tu, name);
	d->ret = ret;
	va_list ap;
	va_start(ap, ret);
	const char *a;
	const char **anns = NULL;
	uint32_t n = 0, cap = 0;
	while ((a = va_arg(ap, const char *)))
		VEC_PUSH(anns, n, cap, ir_strdup(tu, a));
	va_end(ap);
	if (n) {
		const char **copy = arena_alloc(tu->arena, sizeof(char *) * n);
		memcpy(copy, anns, sizeof(char *) * n);
		d->annotations = copy;
		d->nannotations = n;
	}
	free(anns);
}

static inline void irb_func(struct irb *b, const char *name, const struct ir_type *ret)
{
	b->fn = ir_func_add(b->tu, name, ret);
	b->fn->loc = irb_loc(b);
	b->cur = ir_block_add(b->tu, b->fn);
}

static inline uint32_t irb_var(struct irb *b, const char *name, const struct ir_type *ty,
                               enum ir_var_kind kind)
{
	return ir_var_add(b->tu, b->fn, name, ty, kind);
}

static inline uint32_t irb_block(struct irb *b)
{
	return ir_block_add(b->tu, b->fn);
}

static inline void irb_at(struct irb *b, uint32_t block)
{
	b->cur = block;
}

static inline struct ir_expr *V(struct irb *b, uint32_t var)
{
	return ir_expr_var(b->tu, b->fn, var);
}

static inline struct ir_expr *NUL(struct irb *b)
{
	return ir_expr_null(b->tu);
}

static inline struct ir_expr *INT(struct irb *b, int64_t c)
{
	return ir_expr_int(b->tu, c);
}

static inline struct ir_expr *NOT(struct irb *b, struct ir_expr *e)
{
	return ir_expr_unary(b->tu, IR_E_UNOP, IR_OP_NOT, e, b->i);
}

static inline struct ir_expr *CMP(struct irb *b, enum ir_op op, struct ir_expr *l, struct ir_expr *r)
{
	return ir_expr_binary(b->tu, IR_E_BINOP, op, l, r, b->i);
}

static inline struct ir_expr *FIELD(struct irb *b, struct ir_expr *base, const char *name,
                                    const struct ir_type *ty)
{
	return ir_expr_field(b->tu, base, name, true, ty);
}

static inline struct ir_expr *ADDR(struct irb *b, struct ir_expr *e)
{
	return ir_expr_unary(b->tu, IR_E_ADDR, IR_OP_NONE, e, b->p);
}

static inline struct ir_expr *STR(struct irb *b, const char *s)
{
	struct ir_expr *e = ir_expr_new(b->tu, IR_E_STR, b->p);
	e->u.str = ir_strdup(b->tu, s);
	return e;
}

/* dst (an lvalue, or NULL) = callee(args…), args NULL-terminated. */
static inline struct ir_stmt *irb_call(struct irb *b, struct ir_expr *dst, const char *callee, ...)
{
	struct ir_expr *args[16];
	uint32_t n = 0;
	va_list ap;
	va_start(ap, callee);
	struct ir_expr *a;
	while ((a = va_arg(ap, struct ir_expr *)) && n < 16)
		args[n++] = a;
	va_end(ap);
	struct ir_stmt *s = ir_stmt_add(b->tu, b->fn, b->cur, IR_S_CALL);
	s->loc = irb_loc(b);
	s->dst = dst;
	s->call.callee = ir_strdup(b->tu, callee);
	s->call.nargs = n;
	s->call.args = ir_args_new(b->tu, n);
	memcpy(s->call.args, args, sizeof(args[0]) * n);
	return s;
}

static inline struct ir_stmt *irb_assign(struct irb *b, struct ir_expr *dst, struct ir_expr *src)
{
	struct ir_stmt *s = ir_stmt_add(b->tu, b->fn, b->cur, IR_S_ASSIGN);
	s->loc = irb_loc(b);
	s->dst = dst;
	s->src = src;
	return s;
}

static inline void irb_branch(struct irb *b, struct ir_expr *cond, uint32_t t, uint32_t f)
{
	ir_term_branch(b->fn, b->cur, cond, t, f);
	b->fn->blocks[b->cur].term.loc = irb_loc(b);
}

static inline void irb_goto(struct irb *b, uint32_t to)
{
	ir_term_goto(b->fn, b->cur, to);
	b->fn->blocks[b->cur].term.loc = irb_loc(b);
}

static inline void irb_ret(struct irb *b, struct ir_expr *value)
{
	ir_term_return(b->fn, b->cur, value);
	b->fn->blocks[b->cur].term.loc = irb_loc(b);
}

#endif

/*
 * ir.c — construction of the IR (see ir.h). Lowering and hand-written
 * tests build functions through these calls, so both produce the same
 * shapes. Every node lives in the TU's arena; growable arrays of blocks,
 * statements and vars are heap arrays released by ir_tu_free.
 */
#include "ir.h"

#include "../util/arena.h"
#include "../util/xalloc.h"

#include <string.h>

struct ir_tu *ir_tu_new(const char *path)
{
	struct ir_tu *tu = xcalloc(1, sizeof(*tu));
	tu->arena = arena_new();
	tu->path = arena_strdup(tu->arena, path);
	ir_tu_file(tu, path);
	return tu;
}

static void func_dispose(struct ir_func *fn)
{
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		free(fn->blocks[b].stmts);
		free(fn->blocks[b].preds);
		free(fn->blocks[b].term.cases);
	}
	free(fn->blocks);
	free(fn->vars);
}

void ir_tu_free(struct ir_tu *tu)
{
	if (!tu)
		return;
	for (uint32_t i = 0; i < tu->nfuncs; i++)
		func_dispose(&tu->funcs[i]);
	free(tu->funcs);
	free(tu->decls);
	free(tu->records);
	free(tu->globals);
	free(tu->diags);
	free(tu->includes);
	free(tu->files);
	arena_free(tu->arena);
	free(tu);
}

const char *ir_strdup(struct ir_tu *tu, const char *s)
{
	return arena_strdup(tu->arena, s);
}

uint32_t ir_tu_file(struct ir_tu *tu, const char *path)
{
	for (uint32_t i = 0; i < tu->nfiles; i++)
		if (strcmp(tu->files[i], path) == 0)
			return i;
	VEC_PUSH(tu->files, tu->nfiles, tu->cap_files, arena_strdup(tu->arena, path));
	return tu->nfiles - 1;
}

const char *ir_file_name(const struct ir_tu *tu, uint32_t file)
{
	return file < tu->nfiles ? tu->files[file] : "<unknown>";
}

const struct ir_type *ir_type_make(struct ir_tu *tu, enum ir_type_class cls,
                                   unsigned obj_depth, const char *spelling,
                                   const char *record)
{
	struct ir_type *t = arena_alloc(tu->arena, sizeof(*t));
	t->cls = cls;
	t->obj_depth = obj_depth;
	t->spelling = arena_strdup(tu->arena, spelling ? spelling : "");
	t->record = arena_strdup(tu->arena, record);
	return t;
}

const struct ir_type *ir_type_make_elem(struct ir_tu *tu, enum ir_type_class cls,
                                        const char *spelling, const char *elem_record)
{
	struct ir_type *t = (struct ir_type *)ir_type_make(tu, cls, 0, spelling, NULL);
	t->elem_record = arena_strdup(tu->arena, elem_record);
	return t;
}

struct ir_func *ir_func_add(struct ir_tu *tu, const char *name, const struct ir_type *ret)
{
	VEC_RESERVE(tu->funcs, tu->cap_funcs, (size_t)tu->nfuncs + 1);
	struct ir_func *fn = &tu->funcs[tu->nfuncs++];
	memset(fn, 0, sizeof(*fn));
	fn->name = arena_strdup(tu->arena, name);
	fn->ret = ret;
	return fn;
}

uint32_t ir_var_add(struct ir_tu *tu, struct ir_func *fn, const char *name,
                    const struct ir_type *ty, enum ir_var_kind kind)
{
	VEC_RESERVE(fn->vars, fn->cap_vars, (size_t)fn->nvars + 1);
	struct ir_var *v = &fn->vars[fn->nvars];
	memset(v, 0, sizeof(*v));
	v->name = arena_strdup(tu->arena, name);
	v->ty = ty;
	v->kind = kind;
	if (kind == IR_VAR_PARAM)
		fn->nparams++;
	return fn->nvars++;
}

uint32_t ir_block_add(struct ir_tu *tu, struct ir_func *fn)
{
	(void)tu;
	VEC_RESERVE(fn->blocks, fn->cap_blocks, (size_t)fn->nblocks + 1);
	struct ir_block *b = &fn->blocks[fn->nblocks];
	memset(b, 0, sizeof(*b));
	b->id = fn->nblocks;
	return fn->nblocks++;
}

struct ir_stmt *ir_stmt_add(struct ir_tu *tu, struct ir_func *fn, uint32_t block,
                            enum ir_stmt_kind kind)
{
	(void)tu;
	struct ir_block *b = &fn->blocks[block];
	VEC_RESERVE(b->stmts, b->cap_stmts, (size_t)b->nstmts + 1);
	struct ir_stmt *s = &b->stmts[b->nstmts++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	return s;
}

struct ir_expr **ir_args_new(struct ir_tu *tu, uint32_t nargs)
{
	return arena_alloc(tu->arena, sizeof(struct ir_expr *) * (nargs ? nargs : 1));
}

struct ir_expr *ir_expr_new(struct ir_tu *tu, enum ir_expr_kind kind, const struct ir_type *ty)
{
	struct ir_expr *e = arena_alloc(tu->arena, sizeof(*e));
	e->kind = kind;
	e->ty = ty;
	return e;
}

struct ir_expr *ir_expr_var(struct ir_tu *tu, const struct ir_func *fn, uint32_t var)
{
	struct ir_expr *e = ir_expr_new(tu, IR_E_VAR, fn->vars[var].ty);
	e->u.var = var;
	return e;
}

struct ir_expr *ir_expr_int(struct ir_tu *tu, int64_t v)
{
	struct ir_expr *e = ir_expr_new(tu, IR_E_INT, ir_type_make(tu, IR_TY_INT, 0, "int", NULL));
	e->u.ival = v;
	return e;
}

struct ir_expr *ir_expr_null(struct ir_tu *tu)
{
	return ir_expr_new(tu, IR_E_NULL, ir_type_make(tu, IR_TY_PTR, 0, "void *", NULL));
}

struct ir_expr *ir_expr_field(struct ir_tu *tu, struct ir_expr *base, const char *name,
                              bool arrow, const struct ir_type *ty)
{
	struct ir_expr *e = ir_expr_new(tu, IR_E_FIELD, ty);
	e->u.field.base = base;
	e->u.field.name = arena_strdup(tu->arena, name);
	e->u.field.arrow = arrow;
	return e;
}

struct ir_expr *ir_expr_unary(struct ir_tu *tu, enum ir_expr_kind kind, enum ir_op op,
                              struct ir_expr *operand, const struct ir_type *ty)
{
	struct ir_expr *e = ir_expr_new(tu, kind, ty);
	e->u.unary.op = op;
	e->u.unary.operand = operand;
	return e;
}

struct ir_expr *ir_expr_binary(struct ir_tu *tu, enum ir_expr_kind kind, enum ir_op op,
                               struct ir_expr *l, struct ir_expr *r, const struct ir_type *ty)
{
	struct ir_expr *e = ir_expr_new(tu, kind, ty);
	e->u.binary.op = op;
	e->u.binary.l = l;
	e->u.binary.r = r;
	return e;
}

void ir_term_goto(struct ir_func *fn, uint32_t block, uint32_t to)
{
	struct ir_term *t = &fn->blocks[block].term;
	t->kind = IR_T_GOTO;
	t->succ[0] = to;
}

void ir_term_branch(struct ir_func *fn, uint32_t block, struct ir_expr *cond,
                    uint32_t then_block, uint32_t else_block)
{
	struct ir_term *t = &fn->blocks[block].term;
	t->kind = IR_T_BRANCH;
	t->cond = cond;
	t->succ[0] = then_block;
	t->succ[1] = else_block;
}

void ir_term_return(struct ir_func *fn, uint32_t block, struct ir_expr *value)
{
	struct ir_term *t = &fn->blocks[block].term;
	t->kind = IR_T_RETURN;
	t->cond = value;
}

void ir_term_switch(struct ir_func *fn, uint32_t block, struct ir_expr *cond,
                    uint32_t default_block)
{
	struct ir_term *t = &fn->blocks[block].term;
	t->kind = IR_T_SWITCH;
	t->cond = cond;
	t->succ[0] = default_block;
}

void ir_term_add_case(struct ir_func *fn, uint32_t block, int64_t lo, int64_t hi,
                      uint32_t target)
{
	struct ir_term *t = &fn->blocks[block].term;
	/* cases is a heap array freed by ir_tu_free; grow it by doubling
	 * whenever the count reaches a power of two. */
	if (t->ncases == 0 || (t->ncases & (t->ncases - 1)) == 0)
		t->cases = xrealloc(t->cases, sizeof(*t->cases) * (t->ncases ? t->ncases * 2 : 1));
	t->cases[t->ncases].lo = lo;
	t->cases[t->ncases].hi = hi;
	t->cases[t->ncases].block = target;
	t->ncases++;
}

void ir_term_unreachable(struct ir_func *fn, uint32_t block)
{
	struct ir_term *t = &fn->blocks[block].term;
	t->kind = IR_T_UNREACHABLE;
}

bool ir_expr_any(const struct ir_expr *e, bool (*pred)(const struct ir_expr *e, void *arg),
                 void *arg)
{
	if (!e)
		return false;
	if (pred(e, arg))
		return true;
	switch (e->kind) {
	case IR_E_FIELD:
		return ir_expr_any(e->u.field.base, pred, arg);
	case IR_E_DEREF: case IR_E_ADDR: case IR_E_UNOP:
		return ir_expr_any(e->u.unary.operand, pred, arg);
	case IR_E_INDEX: case IR_E_BINOP:
		return ir_expr_any(e->u.binary.l, pred, arg) || ir_expr_any(e->u.binary.r, pred, arg);
	default:
		return false;
	}
}

struct ir_expr *ir_expr_copy(struct ir_tu *tu, const struct ir_expr *e)
{
	struct ir_expr *c = arena_alloc(tu->arena, sizeof(*c));
	*c = *e;
	return c;
}

const char *ir_op_spelling(enum ir_op op)
{
	static const char *const names[] = {
		[IR_OP_NONE] = "", [IR_OP_NOT] = "!", [IR_OP_NEG] = "-",
		[IR_OP_BITNOT] = "~", [IR_OP_PLUS] = "+", [IR_OP_ADD] = "+",
		[IR_OP_SUB] = "-", [IR_OP_MUL] = "*", [IR_OP_DIV] = "/",
		[IR_OP_REM] = "%", [IR_OP_SHL] = "<<", [IR_OP_SHR] = ">>",
		[IR_OP_BITAND] = "&", [IR_OP_BITOR] = "|", [IR_OP_BITXOR] = "^",
		[IR_OP_EQ] = "==", [IR_OP_NE] = "!=", [IR_OP_LT] = "<",
		[IR_OP_LE] = "<=", [IR_OP_GT] = ">", [IR_OP_GE] = ">=",
	};
	return (unsigned)op < sizeof(names) / sizeof(names[0]) ? names[op] : "?";
}

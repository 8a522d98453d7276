/*
 * liveness.c — where lowering's temporaries die.
 *
 * `rc_list_append(list, rc_int_new(1))` lowers to `t1 = rc_int_new(1);
 * rc_list_append(list, t1)`: the reference in t1 is lost right after the
 * append, and that is where the leak stands. Named variables live until the
 * function returns (DESIGN §7 puts their leaks at the return or at the
 * overwrite), so only temps are tracked here: a classic backward liveness
 * over the CFG, restricted to IR_VAR_TEMP variables, giving for each
 * statement the temps whose last use it is.
 */
#include "engine/engine_internal.h"

#include "util/xalloc.h"

#include <string.h>

struct live {
	uint32_t ntemps;
	uint32_t *temp_of_var;      /* var → temp index + 1, or 0 */
	uint32_t words;             /* 64-bit words per set */
};

static void set_bit(uint64_t *set, uint32_t i)
{
	set[i / 64] |= 1ull << (i % 64);
}

static bool has_bit(const uint64_t *set, uint32_t i)
{
	return (set[i / 64] >> (i % 64)) & 1;
}

static void clear_bit(uint64_t *set, uint32_t i)
{
	set[i / 64] &= ~(1ull << (i % 64));
}

/* Every temp read by an expression. */
static void expr_reads(const struct live *lv, const struct ir_expr *e, uint64_t *out)
{
	if (!e)
		return;
	switch (e->kind) {
	case IR_E_VAR:
		if (lv->temp_of_var[e->u.var])
			set_bit(out, lv->temp_of_var[e->u.var] - 1);
		break;
	case IR_E_FIELD:
		expr_reads(lv, e->u.field.base, out);
		break;
	case IR_E_DEREF:
	case IR_E_ADDR:
	case IR_E_UNOP:
		expr_reads(lv, e->u.unary.operand, out);
		break;
	case IR_E_INDEX:
	case IR_E_BINOP:
		expr_reads(lv, e->u.binary.l, out);
		expr_reads(lv, e->u.binary.r, out);
		break;
	default:
		break;
	}
}

static void stmt_reads(const struct live *lv, const struct ir_stmt *st, uint64_t *out)
{
	if (st->dst && st->dst->kind != IR_E_VAR)
		expr_reads(lv, st->dst, out);
	if (st->kind == IR_S_CALL) {
		for (uint32_t i = 0; i < st->call.nargs; i++)
			expr_reads(lv, st->call.args[i], out);
		expr_reads(lv, st->call.fn, out);
	} else {
		expr_reads(lv, st->src, out);
	}
}

static int32_t stmt_writes(const struct live *lv, const struct ir_stmt *st)
{
	if (st->dst && st->dst->kind == IR_E_VAR && lv->temp_of_var[st->dst->u.var])
		return (int32_t)lv->temp_of_var[st->dst->u.var] - 1;
	return -1;
}

static uint32_t block_nsucc(const struct ir_block *b, uint32_t *succ, uint32_t cap)
{
	uint32_t n = 0;
	switch (b->term.kind) {
	case IR_T_GOTO:
		succ[n++] = b->term.succ[0];
		break;
	case IR_T_BRANCH:
		succ[n++] = b->term.succ[0];
		succ[n++] = b->term.succ[1];
		break;
	case IR_T_SWITCH:
		succ[n++] = b->term.succ[0];
		for (uint32_t i = 0; i < b->term.ncases && n < cap; i++)
			succ[n++] = b->term.cases[i].block;
		break;
	default:
		break;
	}
	return n;
}

void liveness_compute(struct engine_ctx *ctx)
{
	const struct ir_func *fn = ctx->fn;
	struct live lv = { 0 };
	lv.temp_of_var = xcalloc(fn->nvars ? fn->nvars : 1, sizeof(uint32_t));
	for (uint32_t i = 0; i < fn->nvars; i++)
		if (fn->vars[i].kind == IR_VAR_TEMP)
			lv.temp_of_var[i] = ++lv.ntemps;
	ctx->dying_list = xcalloc(fn->nblocks ? fn->nblocks : 1, sizeof(uint32_t *));
	if (lv.ntemps == 0 || fn->nblocks == 0) {
		free(lv.temp_of_var);
		return;
	}
	lv.words = (lv.ntemps + 63) / 64;
	size_t setbytes = sizeof(uint64_t) * lv.words;
	uint64_t *live_in = xcalloc((size_t)fn->nblocks * lv.words, sizeof(uint64_t));
	uint64_t *live_out = xcalloc((size_t)fn->nblocks * lv.words, sizeof(uint64_t));
	uint64_t *tmp = xmalloc(setbytes);
	uint32_t succ_cap = 2;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		if (fn->blocks[b].term.ncases + 2 > succ_cap)
			succ_cap = fn->blocks[b].term.ncases + 2;
	uint32_t *succ = xmalloc(sizeof(uint32_t) * succ_cap);
	uint32_t *var_of_temp = xmalloc(sizeof(uint32_t) * lv.ntemps);
	for (uint32_t v = 0; v < fn->nvars; v++)
		if (lv.temp_of_var[v])
			var_of_temp[lv.temp_of_var[v] - 1] = v;

	/* Iterate to the fixed point; reverse block order converges fast. */
	for (bool changed = true; changed;) {
		changed = false;
		for (uint32_t bi = fn->nblocks; bi-- > 0;) {
			const struct ir_block *b = &fn->blocks[bi];
			uint64_t *out = live_out + (size_t)bi * lv.words;
			uint32_t ns = block_nsucc(b, succ, succ_cap);
			for (uint32_t k = 0; k < ns; k++)
				for (uint32_t w = 0; w < lv.words; w++)
					out[w] |= live_in[(size_t)succ[k] * lv.words + w];
			memcpy(tmp, out, setbytes);
			expr_reads(&lv, b->term.cond, tmp);
			for (uint32_t s = b->nstmts; s-- > 0;) {
				int32_t w = stmt_writes(&lv, &b->stmts[s]);
				if (w >= 0)
					clear_bit(tmp, (uint32_t)w);
				stmt_reads(&lv, &b->stmts[s], tmp);
			}
			uint64_t *in = live_in + (size_t)bi * lv.words;
			if (memcmp(in, tmp, setbytes) != 0) {
				memcpy(in, tmp, setbytes);
				changed = true;
			}
		}
	}

	/* Deaths: walking backwards, a temp read at s and not live after s dies at s. */
	uint64_t *reads = xmalloc(setbytes);
	for (uint32_t bi = 0; bi < fn->nblocks; bi++) {
		const struct ir_block *b = &fn->blocks[bi];
		uint32_t *list = NULL;
		uint32_t n = 0, cap = 0;
		memcpy(tmp, live_out + (size_t)bi * lv.words, setbytes);
		memset(reads, 0, setbytes);
		expr_reads(&lv, b->term.cond, reads);
		for (uint32_t t = 0; t < lv.ntemps; t++) {
			if (has_bit(reads, t) && !has_bit(tmp, t)) {
				VEC_PUSH(list, n, cap, POINT_TERM);
				VEC_PUSH(list, n, cap, t);
			}
		}
		for (uint32_t w = 0; w < lv.words; w++)
			tmp[w] |= reads[w];
		for (uint32_t s = b->nstmts; s-- > 0;) {
			int32_t w = stmt_writes(&lv, &b->stmts[s]);
			if (w >= 0) {
				/* Written and never read: dead right here. */
				if (!has_bit(tmp, (uint32_t)w)) {
					VEC_PUSH(list, n, cap, s);
					VEC_PUSH(list, n, cap, (uint32_t)w);
				}
				clear_bit(tmp, (uint32_t)w);
			}
			memset(reads, 0, setbytes);
			stmt_reads(&lv, &b->stmts[s], reads);
			for (uint32_t t = 0; t < lv.ntemps; t++) {
				if (has_bit(reads, t) && !has_bit(tmp, t)) {
					VEC_PUSH(list, n, cap, s);
					VEC_PUSH(list, n, cap, t);
				}
			}
			for (uint32_t k = 0; k < lv.words; k++)
				tmp[k] |= reads[k];
		}
		VEC_PUSH(list, n, cap, UINT32_MAX);
		VEC_PUSH(list, n, cap, UINT32_MAX);
		/* Translate temp indexes back to variables. */
		for (uint32_t k = 0; k + 1 < n; k += 2)
			if (list[k + 1] != UINT32_MAX)
				list[k + 1] = var_of_temp[list[k + 1]];
		ctx->dying_list[bi] = list;
	}
	free(reads);
	free(var_of_temp);
	free(succ);
	free(tmp);
	free(live_in);
	free(live_out);
	free(lv.temp_of_var);
}

void liveness_dispose(struct engine_ctx *ctx)
{
	if (!ctx->dying_list)
		return;
	for (uint32_t b = 0; b < ctx->fn->nblocks; b++)
		free(ctx->dying_list[b]);
	free(ctx->dying_list);
	ctx->dying_list = NULL;
}

/* The first (stmt, var) pair of the temps dying at (block, stmt); callers
 * walk on while the pair's stmt matches. */
const uint32_t *liveness_dying(const struct engine_ctx *ctx, uint32_t block, uint32_t stmt)
{
	const uint32_t *list = ctx->dying_list ? ctx->dying_list[block] : NULL;
	if (!list)
		return NULL;
	/* The list is (stmt, var) pairs; return the first pair for stmt. */
	for (const uint32_t *p = list; p[0] != UINT32_MAX || p[1] != UINT32_MAX; p += 2)
		if (p[0] == stmt)
			return p;
	return NULL;
}

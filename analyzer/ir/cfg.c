/*
 * cfg.c — normalisation and queries of a function's control-flow graph
 * (see cfg.h for the contract of each function).
 *
 * Every successor of a block lives in one of its "slots": succ[0] for GOTO
 * and SWITCH's default, succ[0..1] for BRANCH, cases[i].block for SWITCH.
 * The passes below rewrite slots, never the terminator kinds, except where
 * cfg.h says so (a two-armed branch to one block becomes a GOTO).
 */
#include "cfg.h"

#include "../util/xalloc.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint32_t cfg_nsuccs(const struct ir_block *b)
{
	switch (b->term.kind) {
	case IR_T_GOTO:
		return 1;
	case IR_T_BRANCH:
		return 2;
	case IR_T_SWITCH:
		return b->term.ncases + 1;
	default:
		return 0;
	}
}

uint32_t cfg_succ(const struct ir_block *b, uint32_t i)
{
	if (b->term.kind == IR_T_SWITCH)
		return i < b->term.ncases ? b->term.cases[i].block : b->term.succ[0];
	return b->term.succ[i];
}

/* The slot holding successor i (same order as cfg_succ). */
static uint32_t *succ_slot(struct ir_block *b, uint32_t i)
{
	if (b->term.kind == IR_T_SWITCH)
		return i < b->term.ncases ? &b->term.cases[i].block : &b->term.succ[0];
	return &b->term.succ[i];
}

static void block_dispose(struct ir_block *b)
{
	free(b->stmts);
	free(b->preds);
	free(b->term.cases);
	b->stmts = NULL;
	b->preds = NULL;
	b->term.cases = NULL;
	b->nstmts = b->cap_stmts = b->npreds = b->term.ncases = 0;
}

static bool is_empty_jump(const struct ir_func *fn, uint32_t b)
{
	const struct ir_block *blk = &fn->blocks[b];
	return b != 0 && blk->nstmts == 0 && blk->term.kind == IR_T_GOTO && !blk->label &&
	       blk->term.succ[0] != b;
}

/* Step 1: follow chains of empty jumps (bounded, so a cycle of empty
 * blocks cannot loop forever: such a cycle is an endless loop and stays). */
static void thread_jumps(struct ir_func *fn)
{
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		struct ir_block *blk = &fn->blocks[b];
		uint32_t n = cfg_nsuccs(blk);
		for (uint32_t i = 0; i < n; i++) {
			uint32_t *slot = succ_slot(blk, i);
			uint32_t t = *slot;
			for (uint32_t steps = 0; steps < fn->nblocks && is_empty_jump(fn, t); steps++)
				t = fn->blocks[t].term.succ[0];
			*slot = t;
		}
	}
}

static bool is_constant(const struct ir_expr *e)
{
	return !e || e->kind == IR_E_INT || e->kind == IR_E_NULL || e->kind == IR_E_STR;
}

/* Step 2: a branch or switch whose successors are all one block. */
static void fold_trivial_branches(struct ir_tu *tu, struct ir_func *fn)
{
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		struct ir_block *blk = &fn->blocks[b];
		if (blk->term.kind != IR_T_BRANCH && blk->term.kind != IR_T_SWITCH)
			continue;
		uint32_t n = cfg_nsuccs(blk), first = cfg_succ(blk, 0);
		bool same = true;
		for (uint32_t i = 1; i < n && same; i++)
			same = cfg_succ(blk, i) == first;
		if (!same)
			continue;
		struct ir_expr *cond = blk->term.cond;
		struct ir_loc loc = blk->term.loc;
		if (!is_constant(cond)) {
			struct ir_stmt *s = ir_stmt_add(tu, fn, b, IR_S_EVAL);
			s->src = cond;
			s->loc = loc;
		}
		free(blk->term.cases);
		memset(&blk->term, 0, sizeof(blk->term));
		blk->term.kind = IR_T_GOTO;
		blk->term.succ[0] = first;
		blk->term.loc = loc;
	}
}

/* Depth-first marking from block 0 with an explicit stack. */
static void mark_reachable(const struct ir_func *fn, bool *alive)
{
	uint32_t *stack = xmalloc(sizeof(*stack) * (fn->nblocks + 1));
	uint32_t sp = 0;
	memset(alive, 0, fn->nblocks);
	alive[0] = true;
	stack[sp++] = 0;
	while (sp) {
		const struct ir_block *blk = &fn->blocks[stack[--sp]];
		uint32_t n = cfg_nsuccs(blk);
		for (uint32_t i = 0; i < n; i++) {
			uint32_t s = cfg_succ(blk, i);
			if (!alive[s]) {
				alive[s] = true;
				stack[sp++] = s;
			}
		}
	}
	free(stack);
}

/* Step 4: append single-predecessor jump targets to their predecessor. */
static void merge_straight_lines(struct ir_func *fn, bool *alive)
{
	uint32_t *npreds = xcalloc(fn->nblocks, sizeof(*npreds));
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		if (!alive[b])
			continue;
		uint32_t n = cfg_nsuccs(&fn->blocks[b]);
		for (uint32_t i = 0; i < n; i++)
			npreds[cfg_succ(&fn->blocks[b], i)]++;
	}
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		struct ir_block *blk = &fn->blocks[b];
		while (alive[b] && blk->term.kind == IR_T_GOTO) {
			uint32_t s = blk->term.succ[0];
			struct ir_block *sb = &fn->blocks[s];
			if (s == b || s == 0 || npreds[s] != 1 || sb->label)
				break;
			VEC_RESERVE(blk->stmts, blk->cap_stmts, (size_t)blk->nstmts + sb->nstmts);
			if (sb->nstmts)
				memcpy(blk->stmts + blk->nstmts, sb->stmts, sizeof(*sb->stmts) * sb->nstmts);
			blk->nstmts += sb->nstmts;
			blk->term = sb->term;
			sb->term.cases = NULL;
			sb->term.ncases = 0;
			block_dispose(sb);
			alive[s] = false;
		}
	}
	free(npreds);
}

/* Step 5: compact the surviving blocks and fill preds. */
static void renumber(struct ir_func *fn, const bool *alive)
{
	uint32_t *newid = xmalloc(sizeof(*newid) * fn->nblocks);
	uint32_t n = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		if (!alive[b]) {
			block_dispose(&fn->blocks[b]);
			newid[b] = UINT32_MAX;
			continue;
		}
		newid[b] = n;
		if (n != b)
			fn->blocks[n] = fn->blocks[b];
		fn->blocks[n].id = n;
		n++;
	}
	fn->nblocks = n;
	for (uint32_t b = 0; b < n; b++) {
		struct ir_block *blk = &fn->blocks[b];
		uint32_t ns = cfg_nsuccs(blk);
		for (uint32_t i = 0; i < ns; i++) {
			uint32_t *slot = succ_slot(blk, i);
			assert(newid[*slot] != UINT32_MAX);
			*slot = newid[*slot];
		}
		free(blk->preds);
		blk->preds = NULL;
		blk->npreds = 0;
	}
	free(newid);

	/* Two passes: count, then fill. Sources are visited in ascending order,
	 * so a duplicate edge from one block is always the last entry added. */
	uint32_t *count = xcalloc(n ? n : 1, sizeof(*count));
	for (uint32_t b = 0; b < n; b++) {
		uint32_t ns = cfg_nsuccs(&fn->blocks[b]);
		for (uint32_t i = 0; i < ns; i++)
			count[cfg_succ(&fn->blocks[b], i)]++;
	}
	for (uint32_t b = 0; b < n; b++)
		fn->blocks[b].preds = count[b] ? xmalloc(sizeof(uint32_t) * count[b]) : NULL;
	for (uint32_t b = 0; b < n; b++) {
		uint32_t ns = cfg_nsuccs(&fn->blocks[b]);
		for (uint32_t i = 0; i < ns; i++) {
			struct ir_block *t = &fn->blocks[cfg_succ(&fn->blocks[b], i)];
			if (t->npreds && t->preds[t->npreds - 1] == b)
				continue;
			t->preds[t->npreds++] = b;
		}
	}
	free(count);
}

void cfg_finish(struct ir_tu *tu, struct ir_func *fn)
{
	if (fn->nblocks == 0)
		return;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		/* Lowering terminates every block; a NONE here is a bug there. */
		assert(fn->blocks[b].term.kind != IR_T_NONE);
		if (fn->blocks[b].term.kind == IR_T_NONE)
			fn->blocks[b].term.kind = IR_T_UNREACHABLE;
	}
	thread_jumps(fn);
	fold_trivial_branches(tu, fn);
	bool *alive = xmalloc(fn->nblocks);
	mark_reachable(fn, alive);
	merge_straight_lines(fn, alive);
	renumber(fn, alive);
	free(alive);
#ifndef NDEBUG
	char why[256];
	if (!cfg_validate(fn, why, sizeof(why))) {
		fprintf(stderr, "refcheck: internal error: bad CFG for %s: %s\n", fn->name, why);
		assert(!"cfg_finish produced an invalid CFG");
	}
#endif
}

#define FAIL(...)                                          \
	do {                                               \
		if (why)                                   \
			snprintf(why, whysize, __VA_ARGS__); \
		ok = false;                                \
		goto done;                                 \
	} while (0)

bool cfg_validate(const struct ir_func *fn, char *why, size_t whysize)
{
	bool ok = true;
	bool *alive = NULL;
	uint32_t *count = NULL;
	if (fn->nblocks == 0)
		return true;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const struct ir_block *blk = &fn->blocks[b];
		if (blk->id != b)
			FAIL("block %u has id %u", b, blk->id);
		switch (blk->term.kind) {
		case IR_T_GOTO:
		case IR_T_BRANCH:
		case IR_T_SWITCH:
		case IR_T_RETURN:
		case IR_T_UNREACHABLE:
			break;
		default:
			FAIL("block %u has no terminator", b);
		}
		if (blk->term.kind == IR_T_BRANCH && !blk->term.cond)
			FAIL("block %u branches on nothing", b);
		uint32_t ns = cfg_nsuccs(blk);
		for (uint32_t i = 0; i < ns; i++)
			if (cfg_succ(blk, i) >= fn->nblocks)
				FAIL("block %u: successor %u out of range", b, cfg_succ(blk, i));
	}
	alive = xmalloc(fn->nblocks);
	mark_reachable(fn, alive);
	for (uint32_t b = 0; b < fn->nblocks; b++)
		if (!alive[b])
			FAIL("block %u is unreachable", b);
	/* preds must list each block with an edge here exactly once. */
	count = xcalloc(fn->nblocks, sizeof(*count));
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const struct ir_block *blk = &fn->blocks[b];
		for (uint32_t p = 0; p < blk->npreds; p++) {
			uint32_t src = blk->preds[p];
			if (src >= fn->nblocks)
				FAIL("block %u: predecessor %u out of range", b, src);
			if (p && blk->preds[p - 1] >= src)
				FAIL("block %u: preds not ascending", b);
			bool found = false;
			uint32_t ns = cfg_nsuccs(&fn->blocks[src]);
			for (uint32_t i = 0; i < ns && !found; i++)
				found = cfg_succ(&fn->blocks[src], i) == b;
			if (!found)
				FAIL("block %u lists %u as predecessor without an edge", b, src);
		}
	}
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const struct ir_block *blk = &fn->blocks[b];
		uint32_t ns = cfg_nsuccs(blk);
		for (uint32_t i = 0; i < ns; i++) {
			uint32_t s = cfg_succ(blk, i);
			const struct ir_block *t = &fn->blocks[s];
			bool found = false;
			for (uint32_t p = 0; p < t->npreds && !found; p++)
				found = t->preds[p] == b;
			if (!found)
				FAIL("edge %u -> %u missing from preds", b, s);
		}
	}
done:
	free(alive);
	free(count);
	return ok;
}

#undef FAIL

/* Iterative depth-first walk from block 0. on_back (may be NULL) is told of
 * every edge to a block still on the stack; post receives the postorder. */
static uint32_t dfs(const struct ir_func *fn, uint32_t *post, bool *heads)
{
	uint32_t n = fn->nblocks, npost = 0, sp = 0, nheads = 0;
	if (n == 0)
		return 0;
	uint32_t *stack = xmalloc(sizeof(*stack) * n), *next = xcalloc(n, sizeof(*next));
	unsigned char *state = xcalloc(n, 1); /* 0 new, 1 on stack, 2 done */
	stack[sp++] = 0;
	state[0] = 1;
	while (sp) {
		uint32_t b = stack[sp - 1];
		const struct ir_block *blk = &fn->blocks[b];
		if (next[b] < cfg_nsuccs(blk)) {
			uint32_t s = cfg_succ(blk, next[b]++);
			if (state[s] == 0) {
				state[s] = 1;
				stack[sp++] = s;
			} else if (state[s] == 1 && heads && !heads[s]) {
				heads[s] = true;
				nheads++;
			}
			continue;
		}
		state[b] = 2;
		sp--;
		if (post)
			post[npost] = b;
		npost++;
	}
	free(stack);
	free(next);
	free(state);
	return heads ? nheads : npost;
}

uint32_t cfg_rpo(const struct ir_func *fn, uint32_t *out)
{
	uint32_t n = dfs(fn, out, NULL);
	for (uint32_t i = 0; i < n / 2; i++) {
		uint32_t t = out[i];
		out[i] = out[n - 1 - i];
		out[n - 1 - i] = t;
	}
	return n;
}

uint32_t cfg_loop_heads(const struct ir_func *fn, bool *heads)
{
	memset(heads, 0, fn->nblocks);
	return dfs(fn, NULL, heads);
}

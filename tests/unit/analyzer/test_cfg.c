/*
 * test_cfg.c — cfg.c on IR built by hand (no parsing): cfg_finish's
 * passes (jump threading, trivial branches, unreachable blocks, straight
 * lines merged, renumbering, preds), cfg_validate on broken graphs,
 * reverse postorder and loop heads.
 */
#include "ir/cfg.h"
#include "ir/ir.h"
#include "ir/ir_dump.h"
#include "util/strbuf.h"

#include <criterion/criterion.h>
#include <stdlib.h>

struct fixture {
	struct ir_tu *tu;
	struct ir_func *fn;
	uint32_t x;     /* a parameter to branch on */
};

static struct fixture make(unsigned nblocks)
{
	struct fixture f;
	f.tu = ir_tu_new("hand.c");
	const struct ir_type *int_ty = ir_type_make(f.tu, IR_TY_INT, 0, "int", NULL);
	f.fn = ir_func_add(f.tu, "f", int_ty);
	f.x = ir_var_add(f.tu, f.fn, "x", int_ty, IR_VAR_PARAM);
	for (unsigned i = 0; i < nblocks; i++)
		ir_block_add(f.tu, f.fn);
	return f;
}

static void call(struct fixture *f, uint32_t b, const char *callee)
{
	struct ir_stmt *s = ir_stmt_add(f->tu, f->fn, b, IR_S_CALL);
	s->call.callee = callee;
}

static struct ir_expr *x(struct fixture *f)
{
	return ir_expr_var(f->tu, f->fn, f->x);
}

static char *dump(struct fixture *f)
{
	struct strbuf sb = STRBUF_INIT;
	ir_dump_func(&sb, f->tu, f->fn, 0);
	return sb_detach(&sb);
}

#define EXPECT_DUMP(f, expected)                                                          \
	do {                                                                            \
		char why_[256];                                                         \
		cr_expect(cfg_validate((f)->fn, why_, sizeof(why_)), "invalid: %s", why_); \
		char *got_ = dump(f);                                                   \
		cr_expect_str_eq(got_, (expected), "got:\n%s", got_);                   \
		free(got_);                                                             \
	} while (0)

/* 0 -> 1 (empty) -> 2 (empty) -> 3; 4 is unreachable. */
Test(cfg, threads_jumps_and_drops_dead_blocks)
{
	struct fixture f = make(5);
	call(&f, 0, "a");
	ir_term_branch(f.fn, 0, x(&f), 1, 3);
	ir_term_goto(f.fn, 1, 2);
	ir_term_goto(f.fn, 2, 3);
	call(&f, 3, "b");
	ir_term_return(f.fn, 3, NULL);
	call(&f, 4, "dead");
	ir_term_goto(f.fn, 4, 3);
	cfg_finish(f.tu, f.fn);
	EXPECT_DUMP(&f, "function f(x) -> int\n"
	                "  var x: int (param)\n"
	                "bb0:\n"
	                "  a()\n"
	                "  eval x\n"
	                "  b()\n"
	                "  return\n");
	ir_tu_free(f.tu);
}

Test(cfg, merges_straight_lines_keeps_labels_and_joins)
{
	struct fixture f = make(5);
	call(&f, 0, "a");
	ir_term_goto(f.fn, 0, 1);
	call(&f, 1, "b");
	ir_term_branch(f.fn, 1, x(&f), 2, 3);
	call(&f, 2, "c");
	ir_term_goto(f.fn, 2, 4);
	call(&f, 3, "d");
	ir_term_goto(f.fn, 3, 4);
	f.fn->blocks[4].label = "out";
	ir_term_return(f.fn, 4, x(&f));
	cfg_finish(f.tu, f.fn);
	EXPECT_DUMP(&f, "function f(x) -> int\n"
	                "  var x: int (param)\n"
	                "bb0:\n"
	                "  a()\n"
	                "  b()\n"
	                "  branch (x) bb1 bb2\n"
	                "bb1: <- bb0\n"
	                "  c()\n"
	                "  goto bb3\n"
	                "bb2: <- bb0\n"
	                "  d()\n"
	                "  goto bb3\n"
	                "bb3 (out): <- bb1 bb2\n"
	                "  return x\n");
	ir_tu_free(f.tu);
}

/* An empty block jumping to itself is an endless loop and must stay. */
Test(cfg, keeps_empty_self_loop)
{
	struct fixture f = make(2);
	ir_term_goto(f.fn, 0, 1);
	ir_term_goto(f.fn, 1, 1);
	cfg_finish(f.tu, f.fn);
	EXPECT_DUMP(&f, "function f(x) -> int\n"
	                "  var x: int (param)\n"
	                "bb0:\n"
	                "  goto bb1\n"
	                "bb1: <- bb0 bb1\n"
	                "  goto bb1\n");
	ir_tu_free(f.tu);
}

Test(cfg, switch_preds_without_duplicates)
{
	struct fixture f = make(4);
	ir_term_switch(f.fn, 0, x(&f), 3);
	ir_term_add_case(f.fn, 0, 1, 1, 1);
	ir_term_add_case(f.fn, 0, 2, 2, 1);
	ir_term_add_case(f.fn, 0, 5, 9, 2);
	call(&f, 1, "one");
	ir_term_goto(f.fn, 1, 3);
	call(&f, 2, "range");
	ir_term_return(f.fn, 2, NULL);
	ir_term_return(f.fn, 3, NULL);
	cfg_finish(f.tu, f.fn);
	EXPECT_DUMP(&f, "function f(x) -> int\n"
	                "  var x: int (param)\n"
	                "bb0:\n"
	                "  switch (x) 1:bb1 2:bb1 5...9:bb2 default:bb3\n"
	                "bb1: <- bb0\n"
	                "  one()\n"
	                "  goto bb3\n"
	                "bb2: <- bb0\n"
	                "  range()\n"
	                "  return\n"
	                "bb3: <- bb0 bb1\n"
	                "  return\n");
	cr_expect_eq(cfg_nsuccs(&f.fn->blocks[0]), 4);
	cr_expect_eq(cfg_succ(&f.fn->blocks[0], 3), 3, "the default comes last");
	ir_tu_free(f.tu);
}

Test(cfg, validate_rejects_broken_graphs)
{
	struct fixture f = make(2);
	ir_term_goto(f.fn, 0, 1);
	char why[256];
	cr_expect(!cfg_validate(f.fn, why, sizeof(why)));
	cr_expect_str_eq(why, "block 1 has no terminator");
	ir_term_return(f.fn, 1, NULL);
	cr_expect(!cfg_validate(f.fn, why, sizeof(why)), "preds are not filled yet");
	cr_expect_str_eq(why, "edge 0 -> 1 missing from preds");
	cfg_finish(f.tu, f.fn);
	cr_expect(cfg_validate(f.fn, why, sizeof(why)), "%s", why);
	ir_tu_free(f.tu);
}

/*   0 -> 1 (loop head) -> 2 -> 1, 1 -> 3 (exit); RPO starts at 0 and ends at the exit
 * or the body, and the head comes before the body. */
Test(cfg, rpo_and_loop_heads)
{
	struct fixture f = make(4);
	call(&f, 0, "init");
	ir_term_goto(f.fn, 0, 1);
	ir_term_branch(f.fn, 1, x(&f), 2, 3);
	call(&f, 2, "body");
	ir_term_goto(f.fn, 2, 1);
	ir_term_return(f.fn, 3, NULL);
	cfg_finish(f.tu, f.fn);
	cr_assert_eq(f.fn->nblocks, 4);
	uint32_t order[4];
	cr_assert_eq(cfg_rpo(f.fn, order), 4);
	cr_expect_eq(order[0], 0);
	cr_expect_eq(order[1], 1);
	bool heads[4];
	cr_expect_eq(cfg_loop_heads(f.fn, heads), 1);
	cr_expect(heads[1] && !heads[0] && !heads[2] && !heads[3]);
	ir_tu_free(f.tu);
}

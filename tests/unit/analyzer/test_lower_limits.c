/*
 * test_lower_limits.c — lowering's limits: a function with too many
 * statements or blocks, or nested too deeply, is not lowered (skipped,
 * with a reason, its blocks empty) while the rest of the file is; long
 * but shallow chains (else-if ladders, runs of case labels) are not
 * "deep". Sources are generated; nesting stays within what clang parses on
 * this test process's 8 MB stack (the CLI's deeper cases are e2e tests).
 */
#include "lower_util.h"

#include <stdio.h>

/* head, then n copies of repeat with each '@' replaced by the copy's
 * number, then tail. */
static char *generate(const char *head, const char *repeat, unsigned n, const char *tail)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, head);
	for (unsigned i = 0; i < n; i++)
		for (const char *p = repeat; *p; p++)
			if (*p == '@')
				sb_printf(&sb, "%u", i);
			else
				sb_addc(&sb, *p);
	sb_add(&sb, tail);
	return sb_detach(&sb);
}

static struct ir_tu *lower_limited(const char *src, uint32_t max_stmts, uint32_t max_blocks,
                                   uint32_t max_depth)
{
	struct fe_options opt;
	fe_options_init(&opt);
	opt.runtime_include = NULL;
	opt.max_stmts = max_stmts;
	opt.max_blocks = max_blocks;
	opt.max_depth = max_depth;
	struct ir_tu *tu = lower_with(src, &opt);
	fe_options_dispose(&opt);
	return tu;
}

static const char small[] = "int small(int a) { return a + 1; }\n";

Test(lower_limits, too_many_statements)
{
	char *src = generate("int pred(int);\nint big(int a) {\n", "  pred(@); (void)@;\n", 20, "  return a;\n}\n");
	char *all = generate(src, "", 0, small);
	struct ir_tu *tu = lower_limited(all, 10, 0, 100);
	const struct ir_func *big = find_func(tu, "big");
	cr_assert_not_null(big->skipped);
	cr_expect_str_eq(big->skipped, "too large (20 statements, limit 10)");
	cr_expect_eq(big->nblocks, 0);
	cr_expect_eq(big->nvars, 1, "the parameters stay");
	const struct ir_func *ok = find_func(tu, "small");
	cr_expect_null(ok->skipped);
	cr_expect_gt(ok->nblocks, 0);
	ir_tu_free(tu);
	free(src);
	free(all);
}

Test(lower_limits, too_many_blocks)
{
	char *src = generate("int pred(int);\nint big(int a) {\n", "  if (pred(@)) a += @;\n", 10, "  return a;\n}\n");
	struct ir_tu *tu = lower_limited(src, 0, 5, 100);
	const struct ir_func *big = find_func(tu, "big");
	cr_assert_not_null(big->skipped);
	cr_expect(strncmp(big->skipped, "too large (", 11) == 0 && strstr(big->skipped, "blocks, limit 5)"),
	          "%s", big->skipped);
	ir_tu_free(tu);
	free(src);
}

static char *nested_ifs(unsigned n)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "int deep(int a) {\n");
	for (unsigned i = 0; i < n; i++)
		sb_add(&sb, "if (a) ");
	sb_add(&sb, "a++;\nreturn a;\n}\n");
	sb_add(&sb, small);
	return sb_detach(&sb);
}

Test(lower_limits, nested_too_deeply)
{
	char *src = nested_ifs(300);
	struct ir_tu *tu = lower_limited(src, 0, 0, 100);
	const struct ir_func *deep = find_func(tu, "deep");
	cr_assert_not_null(deep->skipped);
	cr_expect_str_eq(deep->skipped, "nested too deeply (more than 100 levels)");
	cr_expect_eq(deep->nblocks, 0);
	cr_expect_null(find_func(tu, "small")->skipped);
	ir_tu_free(tu);
	free(src);
}

/* The default limit, on nesting clang still parses here: skipped, no crash. */
Test(lower_limits, nested_too_deeply_default_limit)
{
	char *src = nested_ifs(2 * FE_DEFAULT_MAX_DEPTH);
	struct ir_tu *tu = lower_src(src);
	cr_expect_not_null(find_func(tu, "deep")->skipped);
	cr_expect_null(find_func(tu, "small")->skipped);
	ir_tu_free(tu);
	free(src);
}

Test(lower_limits, nesting_within_limits)
{
	char *src = nested_ifs(50);
	struct ir_tu *tu = lower_limited(src, 0, 0, 1000);
	const struct ir_func *deep = find_func(tu, "deep");
	cr_assert_null(deep->skipped);
	char why[256];
	cr_expect(cfg_validate(deep, why, sizeof(why)), "%s", why);
	/* 50 branches, the increment, the return: 52 blocks */
	cr_expect_eq(deep->nblocks, 52);
	ir_tu_free(tu);
	free(src);
}

/* An else-if ladder is long, not deep: it is walked as a loop. */
Test(lower_limits, long_else_if_ladder)
{
	char *src = generate("int pred(int);\nint ladder(int a) {\n  if (a == -1) return -1;\n",
	                     "  else if (a == @) return pred(@);\n", 3000, "  return 0;\n}\n");
	struct ir_tu *tu = lower_limited(src, 0, 0, 40);
	const struct ir_func *f = find_func(tu, "ladder");
	cr_assert_null(f->skipped, "%s", f->skipped);
	char why[256];
	cr_expect(cfg_validate(f, why, sizeof(why)), "%s", why);
	ir_tu_free(tu);
	free(src);
}

/* So is a run of case labels (CaseStmt inside CaseStmt). */
Test(lower_limits, long_case_run)
{
	char *src = generate("int pred(int);\nint cases(int a) {\n  switch (a) {\n",
	                     "  case @: case 100000 + @:\n", 3000, "    return pred(a);\n  }\n  return 0;\n}\n");
	struct ir_tu *tu = lower_limited(src, 0, 0, 40);
	const struct ir_func *f = find_func(tu, "cases");
	cr_assert_null(f->skipped, "%s", f->skipped);
	cr_assert_eq(f->blocks[0].term.kind, IR_T_SWITCH);
	cr_expect_eq(f->blocks[0].term.ncases, 6000);
	ir_tu_free(tu);
	free(src);
}

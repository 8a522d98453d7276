/*
 * test_summary.c — inferred summaries survive the trip to the summaries
 * table and back with every field, and equal summaries give equal text (the
 * text's hash decides whether another file's callers are analysed again).
 */
#include <criterion/criterion.h>

#include "store/summary.h"

#include <stdlib.h>
#include <string.h>

static struct model_fn full_summary(void)
{
	struct model_fn fn;
	memset(&fn, 0, sizeof(fn));
	fn.name = "helper";
	fn.returns = MODEL_RET_BORROWED;
	fn.fails = MODEL_FAILS_NULL;
	fn.prim = MODEL_PRIM_XNEWREF;
	fn.format = MODEL_FMT_BUILD;
	fn.format_arg = 2;
	fn.borrowed_from = 3;
	fn.prim_arg = 1;
	fn.runs_code = fn.trusted = fn.noreturn = fn.returns_new_contract = fn.stable = true;
	fn.steals = 0x5;
	fn.steals_on_success = 0x80000000u;
	fn.out_new = 0x2;
	fn.out_borrowed = 0x4;
	fn.mutates = 0x8;
	fn.nonnull = 0x10;
	return fn;
}

Test(summary, every_field_round_trips)
{
	struct model_fn in = full_summary(), out;
	char *text = store_summary_encode(&in);
	struct err e = { 0 };
	cr_assert_eq(store_summary_decode(&out, "helper", text, &e), 0, "%s", e.msg);
	cr_assert_eq(out.source, MODEL_SRC_INFERRED);
	in.source = MODEL_SRC_INFERRED;
	cr_assert_str_eq(out.name, "helper");
	out.name = in.name;
	cr_assert_eq(memcmp(&in, &out, sizeof(in)), 0, "lost a field: %s", text);
	free(text);
}

Test(summary, same_summary_same_text)
{
	struct model_fn a = full_summary(), b = full_summary();
	b.name = "another_name";        /* the name is not part of the text */
	char *ta = store_summary_encode(&a), *tb = store_summary_encode(&b);
	cr_assert_str_eq(ta, tb);
	b.steals = 0x6;
	char *tc = store_summary_encode(&b);
	cr_assert_str_neq(ta, tc);
	free(ta);
	free(tb);
	free(tc);
	struct model_fn empty;
	memset(&empty, 0, sizeof(empty));
	char *te = store_summary_encode(&empty);
	cr_assert_str_eq(te, "{}");
	free(te);
}

Test(summary, bad_text_is_an_error)
{
	struct model_fn out;
	struct err e = { 0 };
	cr_assert_eq(store_summary_decode(&out, "f", "[1,2", &e), ERR_CORRUPT);
	cr_assert_not_null(strstr(e.msg, "'f'"));
}

/*
 * lower_util.h — helpers for the front-end tests: lower an in-memory C
 * source with the real front end and compare a function's IR dump (without
 * locations) with the expected text. Header-only, so that the CMake glob
 * over test_*.c stays the whole build description.
 *
 * Test sources define their own stand-in object header (the runtime's
 * shape), so these tests do not depend on runtime/include.
 */
#ifndef REFCHECK_TEST_LOWER_UTIL_H
#define REFCHECK_TEST_LOWER_UTIL_H

#include "frontend/fe.h"
#include "ir/cfg.h"
#include "ir/ir.h"
#include "ir/ir_dump.h"
#include "util/err.h"
#include "util/strbuf.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

/* The runtime's shapes, in miniature. */
#define RC_PRELUDE                                                                      \
	"#define NULL ((void *)0)\n"                                                     \
	"typedef struct rc_object { long refcnt; void *type; } rc_object;\n"              \
	"#define RC_OBJECT_HEAD rc_object ob_base\n"                                      \
	"void rc_incref_at(rc_object *o, const char *file, int line);\n"                  \
	"void rc_decref_at(rc_object *o, const char *file, int line);\n"                  \
	"#define rc_incref(o) rc_incref_at((rc_object *)(o), __FILE__, __LINE__)\n"       \
	"#define rc_decref(o) rc_decref_at((rc_object *)(o), __FILE__, __LINE__)\n"       \
	"#define RC_CLEAR(p) do { rc_object *rc_tmp_ = (rc_object *)(p); "               \
	"if (rc_tmp_) { (p) = NULL; rc_decref(rc_tmp_); } } while (0)\n"                  \
	"#define RC_RETURNS_NEW __attribute__((annotate(\"rc:returns_new\")))\n"          \
	"RC_RETURNS_NEW rc_object *rc_new(void);\n"                                       \
	"void use(rc_object *o);\n"                                                       \
	"int pred(int x);\n"

static inline struct ir_tu *lower_with(const char *src, const struct fe_options *opt)
{
	struct fe_worker *w = fe_worker_new(opt);
	struct ir_tu *tu = NULL;
	struct err e = { 0 };
	char *flags[] = { (char *)"-std=gnu11" };
	int rc = fe_parse_string(w, "test.c", src, flags, 1, &tu, &e);
	fe_worker_free(w);
	cr_assert_eq(rc, 0, "parse failed: %s", e.msg);
	for (uint32_t i = 0; i < tu->ndiags; i++)
		cr_log_info("diag: %s", tu->diags[i].text);
	return tu;
}

static inline struct ir_tu *lower_src(const char *src)
{
	struct fe_options opt;
	fe_options_init(&opt);
	opt.runtime_include = NULL;
	struct ir_tu *tu = lower_with(src, &opt);
	fe_options_dispose(&opt);
	return tu;
}

static inline const struct ir_func *find_func(const struct ir_tu *tu, const char *name)
{
	for (uint32_t i = 0; i < tu->nfuncs; i++)
		if (strcmp(tu->funcs[i].name, name) == 0)
			return &tu->funcs[i];
	cr_assert_fail("no function %s", name);
	return NULL;
}

/* The dump of function `name` of src (heap string). */
static inline char *dump_func(const char *src, const char *name)
{
	struct ir_tu *tu = lower_src(src);
	cr_expect_eq(fe_count_errors(tu), 0, "the test source has compiler errors");
	const struct ir_func *fn = find_func(tu, name);
	char why[256];
	cr_assert(cfg_validate(fn, why, sizeof(why)), "invalid CFG: %s", why);
	struct strbuf sb = STRBUF_INIT;
	ir_dump_func(&sb, tu, fn, 0);
	ir_tu_free(tu);
	return sb_detach(&sb);
}

/* Assert that function `name` of src dumps as expected. */
#define EXPECT_IR(src, name, expected)                                                  \
	do {                                                                              \
		char *got_ = dump_func((src), (name));                                    \
		cr_expect_str_eq(got_, (expected), "IR of %s:\n%s\nexpected:\n%s", (name), \
		                 got_, (expected));                                       \
		free(got_);                                                               \
	} while (0)

#endif

/*
 * test_model.c — annotations, pack loading and validation, precedence.
 */
#include <criterion/criterion.h>

#include "model/model.h"
#include "ir_build.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char *write_temp(const char *text)
{
	static char path[64];
	strcpy(path, "/tmp/refcheck-pack-XXXXXX");
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	FILE *f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

static int load(const char *text, struct err *e)
{
	struct model *m = model_new();
	char *path = write_temp(text);
	int rc = model_load_pack(m, path, e);
	unlink(path);
	model_free(m);
	return rc;
}

Test(annotation, vocabulary)
{
	struct model_fn fn = { 0 };
	struct err e = { 0 };
	cr_assert_eq(model_apply_annotation(&fn, "rc:returns_new", &e), 0);
	cr_assert_eq(model_apply_annotation(&fn, "rc:may_fail", &e), 0);
	cr_assert_eq(model_apply_annotation(&fn, "rc:steals(3)", &e), 0);
	cr_assert_eq(model_apply_annotation(&fn, "rc:out_borrowed(2)", &e), 0);
	cr_assert_eq(fn.returns, MODEL_RET_NEW);
	cr_assert(fn.returns_new_contract);
	cr_assert_eq(fn.fails, MODEL_FAILS_NULL);
	cr_assert_eq(fn.steals, 1u << 2);
	cr_assert_eq(fn.out_borrowed, 1u << 1);
	cr_assert_eq(model_apply_annotation(&fn, "rc:callback(2)", &e), 0);
	cr_assert_eq(fn.callbacks, 1u << 1);
	cr_assert_lt(model_apply_annotation(&fn, "rc:callback", &e), 0);
	err_clear(&e);
	cr_assert_eq(model_apply_annotation(&fn, "something else", &e), 1);
	cr_assert_lt(model_apply_annotation(&fn, "rc:steals(0)", &e), 0);
	cr_assert(strstr(e.msg, "rc:steals(0)") != NULL, "%s", e.msg);
	err_clear(&e);
	cr_assert_lt(model_apply_annotation(&fn, "rc:bogus", &e), 0);
	cr_assert(strstr(e.msg, "unknown annotation") != NULL, "%s", e.msg);
	struct model_fn prim = { 0 };
	cr_assert_eq(model_apply_annotation(&prim, "rc:xdecref", &e), 0);
	cr_assert_eq(prim.prim, MODEL_PRIM_XDECREF);
	cr_assert(prim.trusted);
}

Test(pack, loads_entries)
{
	struct model *m = model_new();
	char *path = write_temp(
		"{\"pack\": \"demo\", \"object_structs\": [\"_object\"], \"singletons\": [\"_Py_NoneStruct\"],\n"
		" \"functions\": {\n"
		"  \"PyList_GetItem\": {\"returns\": \"borrowed\", \"fails\": \"null\", \"borrowed_from\": 1},\n"
		"  \"PyModule_AddObject\": {\"returns\": \"none\", \"fails\": \"negative\",\n"
		"                          \"steals\": [{\"arg\": 3, \"when\": \"success\"}]},\n"
		"  \"PyErr_Fetch\": {\"out\": [{\"arg\": 1, \"ref\": \"new\"},\n"
		"                   {\"arg\": 3, \"ref\": \"borrowed\", \"null_with\": 1}]},\n"
		"  \"on_event\": {\"callbacks\": [2]},\n"
		"  \"Py_BuildValue\": {\"returns\": \"new\", \"fails\": \"null\", \"format\": {\"arg\": 1, \"kind\": \"build\"}},\n"
		"  \"Py_IncRef\": {\"primitive\": \"incref\"}\n"
		" }}\n");
	struct err e = { 0 };
	cr_assert_eq(model_load_pack(m, path, &e), 0, "%s", e.msg);
	unlink(path);
	const struct model_fn *f = model_pack_lookup(m, "PyList_GetItem");
	cr_assert_not_null(f);
	cr_assert_eq(f->returns, MODEL_RET_BORROWED);
	cr_assert_eq(f->borrowed_from, 1);
	f = model_pack_lookup(m, "PyModule_AddObject");
	cr_assert_eq(f->steals_on_success, 1u << 2);
	cr_assert_eq(f->steals, 0);
	f = model_pack_lookup(m, "PyErr_Fetch");
	cr_assert_eq(f->out_new, 1u);
	cr_assert_eq(f->out_borrowed, 1u << 2);
	cr_assert_eq(f->null_anchor, 1);
	cr_assert_eq(f->out_null_with, 1u << 2);
	cr_assert_eq(model_pack_lookup(m, "on_event")->callbacks, 1u << 1);
	cr_assert_eq(model_pack_lookup(m, "Py_BuildValue")->format, MODEL_FMT_BUILD);
	cr_assert_eq(model_pack_lookup(m, "Py_IncRef")->prim, MODEL_PRIM_INCREF);
	cr_assert(model_is_singleton(m, "_Py_NoneStruct"));
	const char *const *objs;
	cr_assert_eq(model_object_structs(m, &objs), 1);
	cr_assert_str_eq(objs[0], "_object");
	model_free(m);
}

/* Every problem names the file, the entry and the key. */
Test(pack, errors_are_precise)
{
	struct err e = { 0 };
	cr_assert_lt(load("{\"pack\": \"x\", \"functions\": {\"f\": {\"retruns\": \"new\"}}}", &e), 0);
	cr_assert(strstr(e.msg, "function 'f'") && strstr(e.msg, "'retruns' is not a known key"), "%s", e.msg);
	err_clear(&e);
	cr_assert_lt(load("{\"pack\": \"x\", \"functions\": {\"g\": {\"steals\": [0]}}}", &e), 0);
	cr_assert(strstr(e.msg, "function 'g'") && strstr(e.msg, "'steals'"), "%s", e.msg);
	err_clear(&e);
	cr_assert_lt(load("{\"pack\": \"x\", \"functions\": {\"h\": {\"fails\": \"sometimes\"}}}", &e), 0);
	cr_assert(strstr(e.msg, "'fails' has an unknown value"), "%s", e.msg);
	err_clear(&e);
	cr_assert_lt(load("{\"pack\": \"x\",\n \"functions\": {\n \"f\": {}, \"f\": {}}}", &e), 0);
	cr_assert(strstr(e.msg, "duplicate") != NULL, "%s", e.msg);
	err_clear(&e);
	cr_assert_lt(load("{\"pack\": \"x\",\n  \"functions\": {,}}", &e), 0);
	cr_assert(strstr(e.msg, ":2:") != NULL, "no line number in: %s", e.msg);
	err_clear(&e);
	/* null_with names another out-parameter, the same one for all */
	cr_assert_lt(load("{\"pack\": \"x\", \"functions\": {\"f\": {\"out\": ["
	                  "{\"arg\": 2, \"ref\": \"new\", \"null_with\": 1}]}}}", &e), 0);
	cr_assert(strstr(e.msg, "function 'f'") && strstr(e.msg, "another out-parameter"), "%s", e.msg);
	err_clear(&e);
	cr_assert_lt(load("{\"pack\": \"x\", \"functions\": {\"f\": {\"out\": ["
	                  "{\"arg\": 1, \"ref\": \"new\", \"null_with\": 1}]}}}", &e), 0);
	cr_assert(strstr(e.msg, "its own argument"), "%s", e.msg);
	err_clear(&e);
	cr_assert_lt(load("{\"pack\": \"x\", \"functions\": {\"f\": {\"out\": ["
	                  "{\"arg\": 1, \"ref\": \"new\"}, {\"arg\": 2, \"ref\": \"new\", \"null_with\": 1},"
	                  "{\"arg\": 3, \"ref\": \"new\", \"null_with\": 2}]}}}", &e), 0);
	cr_assert(strstr(e.msg, "the same argument"), "%s", e.msg);
	err_clear(&e);
	cr_assert_lt(load("{\"pack\": \"x\", \"functions\": {\"f\": {\"out\": ["
	                  "{\"arg\": 1, \"ref\": \"new\", \"null_wiht\": 2}]}}}", &e), 0);
	cr_assert(strstr(e.msg, "function 'f'") && strstr(e.msg, "'null_wiht'"), "%s", e.msg);
	err_clear(&e);
	cr_assert_lt(load("{\"functions\": {}}", &e), 0);
	cr_assert(strstr(e.msg, "'pack'") != NULL, "%s", e.msg);
	err_clear(&e);
	struct model *m = model_new();
	cr_assert_eq(model_load_pack(m, "/nonexistent/pack.json", &e), ERR_NOTFOUND);
	cr_assert(strstr(e.msg, "/nonexistent/pack.json") != NULL, "%s", e.msg);
	model_free(m);
}

/* Annotations win over packs, packs over inferred summaries, and an
 * undescribed function returning an object returns a new reference. */
Test(model, precedence_and_default)
{
	struct model *m = model_new();
	char *path = write_temp("{\"pack\": \"p\", \"functions\": {"
	                        "\"both\": {\"returns\": \"borrowed\"}, \"packed\": {\"returns\": \"borrowed\"}}}");
	struct err e = { 0 };
	cr_assert_eq(model_load_pack(m, path, &e), 0, "%s", e.msg);
	unlink(path);
	struct irb b;
	irb_init(&b);
	irb_decl(&b, "both", b.obj, "rc:returns_new", NULL);
	irb_decl(&b, "unknown_obj", b.obj, NULL);
	irb_decl(&b, "unknown_int", b.i, "rc:may_fail", NULL);
	irb_decl(&b, "packed", b.obj, NULL);
	struct model_tu *mt = model_tu_new(m, b.tu);
	struct model_fn inferred = { .name = "packed", .returns = MODEL_RET_NEW };
	model_tu_set_inferred(mt, &inferred);
	cr_assert_eq(model_tu_lookup(mt, "both")->returns, MODEL_RET_NEW);
	cr_assert_eq(model_tu_lookup(mt, "both")->source, MODEL_SRC_ANNOTATION);
	cr_assert_eq(model_tu_lookup(mt, "packed")->returns, MODEL_RET_BORROWED);
	const struct model_fn *d = model_tu_lookup(mt, "unknown_obj");
	cr_assert_eq(d->returns, MODEL_RET_NEW);
	cr_assert_eq(d->fails, MODEL_FAILS_NULL);
	cr_assert_eq(d->source, MODEL_SRC_DEFAULT);
	cr_assert_eq(model_tu_lookup(mt, "unknown_int")->fails, MODEL_FAILS_NEGATIVE);
	model_tu_free(mt);
	model_free(m);
	ir_tu_free(b.tu);
}

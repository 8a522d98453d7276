/*
 * test_lower_decls.c — what the declaration pass hands the engine:
 * object structs and obj_depth, records with fields and field annotations,
 * function declarations with merged annotations and noreturn, globals
 * with static initialisers as trees (positional elements named), the
 * main-file filter, and compiler diagnostics.
 */
#include "lower_util.h"

#include <stdio.h>

static const struct ir_record *find_record(const struct ir_tu *tu, const char *name)
{
	for (uint32_t i = 0; i < tu->nrecords; i++)
		if (strcmp(tu->records[i].name, name) == 0)
			return &tu->records[i];
	return NULL;
}

static const struct ir_decl *find_decl(const struct ir_tu *tu, const char *name)
{
	for (uint32_t i = 0; i < tu->ndecls; i++)
		if (strcmp(tu->decls[i].name, name) == 0)
			return &tu->decls[i];
	return NULL;
}

static const struct ir_global *find_global(const struct ir_tu *tu, const char *name)
{
	for (uint32_t i = 0; i < tu->nglobals; i++)
		if (strcmp(tu->globals[i].name, name) == 0)
			return &tu->globals[i];
	return NULL;
}

static const struct ir_var *find_var(const struct ir_func *fn, const char *name)
{
	for (uint32_t i = 0; i < fn->nvars; i++)
		if (strcmp(fn->vars[i].name, name) == 0)
			return &fn->vars[i];
	cr_assert_fail("no var %s in %s", name, fn->name);
	return NULL;
}

Test(lower_decls, object_structs)
{
	struct ir_tu *tu = lower_src(RC_PRELUDE
		"typedef struct node { RC_OBJECT_HEAD; rc_object *left; } node;\n"
		"typedef struct { node base; int extra; } subnode;\n"   /* header of a header */
		"struct plain { int a; rc_object *o; };\n"
		"struct notfirst { int a; rc_object ob; };\n"
		"void f(node *n, subnode *s, struct plain *p, struct notfirst *q, rc_object **out,\n"
		"       rc_object *arr[3], void *v, node n2) { }\n");
	cr_assert_not_null(find_record(tu, "node"));
	cr_expect(find_record(tu, "node")->is_object);
	cr_expect(find_record(tu, "subnode")->is_object, "first member is an object struct by value");
	cr_expect(!find_record(tu, "plain")->is_object);
	cr_expect(!find_record(tu, "notfirst")->is_object, "the header must come first");
	cr_expect(find_record(tu, "rc_object")->is_object);
	const struct ir_func *f = find_func(tu, "f");
	cr_expect_eq(find_var(f, "n")->ty->obj_depth, 1);
	cr_expect_str_eq(find_var(f, "n")->ty->record, "node");
	cr_expect_eq(find_var(f, "s")->ty->obj_depth, 1);
	cr_expect_str_eq(find_var(f, "s")->ty->record, "subnode");
	cr_expect_eq(find_var(f, "p")->ty->obj_depth, 0);
	cr_expect_null(find_var(f, "p")->ty->record);
	cr_expect_eq(find_var(f, "q")->ty->obj_depth, 0);
	cr_expect_eq(find_var(f, "out")->ty->obj_depth, 2, "out-parameter");
	cr_expect_eq(find_var(f, "arr")->ty->obj_depth, 2, "a parameter array is a pointer");
	cr_expect_eq(find_var(f, "v")->ty->obj_depth, 0);
	cr_expect_eq(find_var(f, "n2")->ty->cls, IR_TY_RECORD);
	cr_expect_eq(find_var(f, "n2")->ty->obj_depth, 0);
	cr_expect_str_eq(find_var(f, "n2")->ty->record, "node");
	ir_tu_free(tu);
}

/* CPython's shape: the root is struct _object, spelled PyObject. */
Test(lower_decls, cpython_roots)
{
	struct ir_tu *tu = lower_src(
		"typedef struct _object { long ob_refcnt; void *ob_type; } PyObject;\n"
		"typedef struct { PyObject ob_base; long ob_size; } PyVarObject;\n"
		"typedef struct { PyVarObject ob_base; PyObject **ob_item; } PyListObject;\n"
		"void f(PyObject *o, PyListObject *l, PyObject **items) { PyObject *arr[2]; (void)arr; }\n");
	const struct ir_func *f = find_func(tu, "f");
	cr_expect_eq(find_var(f, "o")->ty->obj_depth, 1);
	cr_expect_str_eq(find_var(f, "o")->ty->record, "_object");
	cr_expect_str_eq(find_var(f, "o")->ty->spelling, "PyObject *");
	cr_expect_eq(find_var(f, "l")->ty->obj_depth, 1);
	cr_expect_str_eq(find_var(f, "l")->ty->record, "PyListObject");
	cr_expect_eq(find_var(f, "items")->ty->obj_depth, 2);
	const struct ir_var *arr = find_var(f, "arr");
	cr_expect_eq(arr->ty->cls, IR_TY_ARRAY);
	cr_expect_eq(arr->ty->obj_depth, 1, "an array of object pointers");
	cr_expect(find_record(tu, "PyListObject")->is_object);
	ir_tu_free(tu);
}

Test(lower_decls, roots_from_options)
{
	struct fe_options opt;
	fe_options_init(&opt);
	opt.runtime_include = NULL;
	fe_options_add_root(&opt, "my_obj");
	struct ir_tu *tu = lower_with("typedef struct my_obj { int rc; } my_obj;\n"
	                              "void f(my_obj *m) { }\n", &opt);
	cr_expect_eq(find_func(tu, "f")->vars[0].ty->obj_depth, 1);
	ir_tu_free(tu);
	fe_options_dispose(&opt);
}

Test(lower_decls, fields_and_annotations)
{
	struct ir_tu *tu = lower_src(RC_PRELUDE
		"struct holder { RC_OBJECT_HEAD; rc_object *owned;\n"
		"  rc_object *weak __attribute__((annotate(\"rc:borrowed_field\")));\n"
		"  rc_object *slots[4]; int n; union { int a; long b; }; };\n");
	const struct ir_record *r = find_record(tu, "holder");
	cr_assert_not_null(r);
	cr_expect(r->in_main_file);
	cr_assert_eq(r->nfields, 6);
	cr_expect_str_eq(r->fields[0].name, "ob_base");
	cr_expect_str_eq(r->fields[1].name, "owned");
	cr_expect_eq(r->fields[1].ty->obj_depth, 1);
	cr_expect_eq(r->fields[1].nannotations, 0);
	cr_expect_str_eq(r->fields[2].name, "weak");
	cr_assert_eq(r->fields[2].nannotations, 1);
	cr_expect_str_eq(r->fields[2].annotations[0], "rc:borrowed_field");
	cr_expect_eq(r->fields[3].array_len, 4);
	cr_expect_eq(r->fields[3].ty->obj_depth, 1);
	cr_expect_str_eq(r->fields[5].name, "", "an anonymous union member has no name");
	cr_expect(r->fields[1].loc.line == 13 && r->fields[1].loc.col == 44,
	          "field location %u:%u", r->fields[1].loc.line, r->fields[1].loc.col);
	ir_tu_free(tu);
}

Test(lower_decls, decl_annotations_merge)
{
	struct ir_tu *tu = lower_src(RC_PRELUDE
		"rc_object *get(int) __attribute__((annotate(\"rc:returns_borrowed\")));\n"
		"rc_object *get(int i) __attribute__((annotate(\"rc:may_fail\")));\n"
		"rc_object *get(int i) { (void)i; return NULL; }\n");
	const struct ir_decl *d = find_decl(tu, "get");
	cr_assert_not_null(d);
	cr_expect(d->defined);
	cr_assert_eq(d->nannotations, 2);
	cr_expect_str_eq(d->annotations[0], "rc:returns_borrowed");
	cr_expect_str_eq(d->annotations[1], "rc:may_fail");
	cr_expect_eq(d->nparams, 1);
	cr_expect_eq(d->ret->obj_depth, 1);
	const struct ir_func *f = find_func(tu, "get");
	cr_expect_eq(f->nannotations, 2, "the definition carries the prototype's annotations");
	cr_expect_str_eq(find_decl(tu, "rc_new")->annotations[0], "rc:returns_new");
	cr_expect(!find_decl(tu, "rc_new")->defined);
	ir_tu_free(tu);
}

Test(lower_decls, noreturn_decls)
{
	struct ir_tu *tu = lower_src("#include <stdlib.h>\n#include <stdnoreturn.h>\n"
		"_Noreturn void a(void);\n"
		"noreturn void b(void);\n"
		"void c(void) __attribute__((__noreturn__));\n"
		"void d(void);\n"
		"__attribute__((__noreturn__)) void e(void);\n"
		"void f(void) { a(); }\n");
	cr_expect(find_decl(tu, "a")->noreturn);
	cr_expect(find_decl(tu, "b")->noreturn);
	cr_expect(find_decl(tu, "c")->noreturn);
	cr_expect(!find_decl(tu, "d")->noreturn);
	cr_expect(find_decl(tu, "e")->noreturn);
	cr_expect(find_decl(tu, "abort")->noreturn);
	cr_expect(find_decl(tu, "exit")->noreturn);
	cr_expect(!find_decl(tu, "malloc")->noreturn);
	const struct ir_func *f = find_func(tu, "f");
	cr_expect_eq(f->blocks[0].term.kind, IR_T_UNREACHABLE);
	cr_expect(f->blocks[0].stmts[0].call.noreturn);
	ir_tu_free(tu);
}

static char *dump_global(const char *src, const char *name)
{
	struct ir_tu *tu = lower_src(src);
	cr_assert_not_null(find_global(tu, name), "no global %s", name);
	struct strbuf sb = STRBUF_INIT;
	ir_dump_tu(&sb, tu, 0);
	ir_tu_free(tu);
	/* the line "global NAME: …" */
	char *all = sb_detach(&sb), *line = NULL;
	char key[128];
	snprintf(key, sizeof(key), "global %s:", name);
	char *p = strstr(all, key);
	if (p) {
		char *end = strchr(p, '\n');
		line = strndup(p, end ? (size_t)(end - p) : strlen(p));
	}
	free(all);
	return line;
}

#define EXPECT_GLOBAL(src, name, expected)                                              \
	do {                                                                          \
		char *got_ = dump_global((src), (name));                              \
		cr_expect_str_eq(got_, (expected));                                   \
		free(got_);                                                           \
	} while (0)

static const char type_table_src[] = RC_PRELUDE
	"typedef struct rc_type { const char *name; long size; void (*dealloc)(rc_object *);\n"
	"  int (*traverse)(rc_object *, void *); struct { int a, b; } flags; } rc_type;\n"
	"static void node_dealloc(rc_object *o) { (void)o; }\n"
	"static int node_traverse(rc_object *o, void *a) { (void)o; (void)a; return 0; }\n"
	"static rc_type positional = { \"node\", 16, node_dealloc, node_traverse, 1, 2 };\n"
	"static rc_type designated = { .traverse = node_traverse, .name = \"n\", .flags.b = 3 };\n"
	"static rc_type mixed = { .dealloc = node_dealloc, node_traverse, { 4 } };\n"
	"static const char *names[] = { \"a\", [3] = \"d\", \"e\" };\n"
	"rc_type *current = &positional;\n"
	"static int counter;\n";

Test(lower_decls, global_initialisers)
{
	EXPECT_GLOBAL(type_table_src, "positional",
	              "global positional: rc_type [static] = { .name = \"node\", .size = 16, "
	              ".dealloc = node_dealloc, .traverse = node_traverse, .flags = { .a = 1, .b = 2 } }");
	EXPECT_GLOBAL(type_table_src, "designated",
	              "global designated: rc_type [static] = { .traverse = node_traverse, "
	              ".name = \"n\", .flags = { .b = 3 } }");
	EXPECT_GLOBAL(type_table_src, "mixed",
	              "global mixed: rc_type [static] = { .dealloc = node_dealloc, "
	              ".traverse = node_traverse, .flags = { .a = 4 } }");
	EXPECT_GLOBAL(type_table_src, "names",
	              "global names: const char *[5] [static] = { [0] = \"a\", [3] = \"d\", [4] = \"e\" }");
	EXPECT_GLOBAL(type_table_src, "current", "global current: rc_type * = &@positional");
	EXPECT_GLOBAL(type_table_src, "counter", "global counter: int [static]");
}

Test(lower_decls, global_init_tree)
{
	struct ir_tu *tu = lower_src(type_table_src);
	const struct ir_global *g = find_global(tu, "positional");
	cr_assert_not_null(g->init);
	cr_expect(g->in_main_file && g->is_static);
	cr_assert_eq(g->init->nelems, 5);
	const struct ir_init *dealloc = &g->init->elems[2];
	cr_expect_str_eq(dealloc->field, "dealloc");
	cr_expect_eq(dealloc->index, 2);
	cr_assert_not_null(dealloc->expr);
	cr_expect_eq(dealloc->expr->kind, IR_E_FUNC);
	cr_expect_str_eq(dealloc->expr->u.name, "node_dealloc");
	cr_expect_eq(g->init->elems[4].nelems, 2, "brace elision builds the sub-list");
	ir_tu_free(tu);
}

/* Only functions whose definition is in the main file are lowered, even
 * when a macro in the main file defines them; static inline functions of
 * headers are not. */
Test(lower_decls, main_file_only)
{
	struct ir_tu *tu = lower_src("#include <stdlib.h>\n"
		"static inline int in_main(void) { return 1; }\n"
		"#define DEFINE(name) int name(void) { return in_main(); }\n"
		"DEFINE(made_by_macro)\n");
	cr_expect_eq(tu->nfuncs, 2);
	find_func(tu, "in_main");
	const struct ir_func *m = find_func(tu, "made_by_macro");
	cr_expect_eq(m->loc.line, 4);
	cr_expect(find_decl(tu, "made_by_macro")->defined);
	ir_tu_free(tu);
}

Test(lower_decls, diagnostics)
{
	struct ir_tu *tu = lower_src("int f(void) { return undeclared + 1; }\n"
	                             "int g(void) { return 2; }\n");
	cr_expect_geq(fe_count_errors(tu), 1);
	cr_expect(strstr(tu->diags[0].text, "test.c:1:22: error: use of undeclared identifier") != NULL,
	          "%s", tu->diags[0].text);
	cr_expect_eq(tu->diags[0].loc.line, 1);
	find_func(tu, "g"); /* KeepGoing: the rest of the file is still lowered */
	ir_tu_free(tu);
}

Test(lower_decls, locations)
{
	struct ir_tu *tu = lower_src(RC_PRELUDE "void f(rc_object *o)\n{\n  rc_decref(o);\n}\n");
	const struct ir_func *f = find_func(tu, "f");
	cr_expect(f->loc.line == 13 && f->loc.col == 6 && f->loc.end_col == 7);
	cr_expect(f->end.line == 16 && f->end.col == 1, "closing brace at %u:%u", f->end.line, f->end.col);
	const struct ir_stmt *s = &f->blocks[0].stmts[0];
	cr_expect(s->loc.line == 15 && s->loc.col == 3 && s->loc.end_col == 15,
	          "the macro's call site, end exclusive: %u:%u-%u", s->loc.line, s->loc.col, s->loc.end_col);
	cr_expect_str_eq(s->call.macro, "rc_decref");
	cr_expect_eq(s->call.args[0]->ty->obj_depth, 1, "the cast to rc_object * is the arg's type");
	cr_expect_eq(f->blocks[0].term.kind, IR_T_RETURN);
	cr_expect_eq(f->blocks[0].term.loc.line, 16, "falling off the end returns at the brace");
	ir_tu_free(tu);
}

/* For the cycle checks: the struct behind a non-object pointer or array,
 * and which struct a folded sizeof measured. */
Test(lower_decls, elem_and_sizeof_records)
{
	struct ir_tu *tu = lower_src(RC_PRELUDE
		"typedef struct entry { rc_object *key; } entry;\n"
		"struct pair { int a, b; };\n"
		"typedef struct node { RC_OBJECT_HEAD; entry *slots; struct pair tab[4]; entry **pp; int *ip; } node;\n"
		"#define SIZE(t) sizeof(t)\n"
		"unsigned long f(node *n) { return sizeof(node) + sizeof *n + SIZE(entry) + _Alignof(node) + sizeof(int); }\n");
	const struct ir_record *r = find_record(tu, "node");
	cr_assert_not_null(r);
	cr_expect_str_eq(r->fields[1].ty->elem_record, "entry");
	cr_expect_str_eq(r->fields[2].ty->elem_record, "pair");
	cr_expect_str_eq(r->fields[3].ty->elem_record, "entry");
	cr_expect_null(r->fields[4].ty->elem_record);
	cr_expect_null(r->fields[0].ty->elem_record, "records by value have record, not elem_record");
	const struct ir_func *f = find_func(tu, "f");
	const struct ir_expr *e = f->blocks[0].term.cond;
	/* ((((sizeof(node) + sizeof *n) + SIZE(entry)) + _Alignof(node)) + sizeof(int)) folds to
	 * one INT; check the parts one by one in a function that does not fold. */
	cr_assert_eq(e->kind, IR_E_INT);
	ir_tu_free(tu);

	tu = lower_src(RC_PRELUDE
		"typedef struct entry { rc_object *key; } entry;\n"
		"typedef struct node { RC_OBJECT_HEAD; entry *slots; } node;\n"
		"#define SIZE(t) sizeof(t)\n"
		"void take(unsigned long, unsigned long, unsigned long, unsigned long, unsigned long);\n"
		"void g(node *n) { take(sizeof(node), sizeof *n, SIZE(entry), _Alignof(node), sizeof(int)); }\n");
	const struct ir_stmt *call = &find_func(tu, "g")->blocks[0].stmts[0];
	cr_assert_eq(call->call.nargs, 5);
	cr_expect_str_eq(call->call.args[0]->sizeof_record, "node");
	cr_expect_str_eq(call->call.args[1]->sizeof_record, "node");
	cr_expect_str_eq(call->call.args[2]->sizeof_record, "entry");
	cr_expect_null(call->call.args[3]->sizeof_record, "_Alignof is not sizeof");
	cr_expect_null(call->call.args[4]->sizeof_record);
	ir_tu_free(tu);
}

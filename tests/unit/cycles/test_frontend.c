/*
 * test_frontend.c — the cycle checks on real C through the libclang front
 * end and the analysis core: what lowering gives the type model (sizeof's
 * record, pointers to structs), a small buggy type, and the runtime's own
 * built-in types (runtime/src), which must come out clean.
 */
#include <criterion/criterion.h>

#include "checks/check.h"
#include "cycles/cycles_internal.h"
#include "engine/analyze.h"
#include "frontend/fe.h"
#include "ir/ir.h"
#include "model/model.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lowered {
	struct ir_tu *tu;
	struct model *m;
	struct model_tu *mt;
	struct cycle_model *cm;
	struct analyze_result res;
};

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Lower text as `path` with the runtime's headers (and `extra`, an -I flag
 * or NULL), load the runtime pack and the NULL-terminated `packs`, build
 * the type model and run the analysis core with the two cycle checks only. */
static void lower_with_packs(struct lowered *l, const char *path, const char *text,
                             const char *extra, const char *const *packs)
{
	struct fe_options opt;
	fe_options_init(&opt);
	struct fe_worker *w = fe_worker_new(&opt);
	char *flags[] = { (char *)"-std=gnu11", (char *)"-D_GNU_SOURCE",
	                  (char *)"-I" REFCHECK_SOURCE_DIR "/runtime/src",
	                  (char *)"-I" REFCHECK_SOURCE_DIR "/runtime/include", (char *)extra };
	struct err e = { 0 };
	cr_assert_eq(fe_parse_string(w, path, text, flags, extra ? 5 : 4, &l->tu, &e), 0, "%s", e.msg);
	fe_worker_free(w);
	fe_options_dispose(&opt);
	cr_assert_eq(fe_count_errors(l->tu), 0, "%s does not compile: %s", path,
	             l->tu->ndiags ? l->tu->diags[0].text : "");
	l->m = model_new();
	cr_assert_eq(model_load_pack(l->m, REFCHECK_RULES_DIR "/runtime.json", &e), 0, "%s", e.msg);
	for (size_t i = 0; packs && packs[i]; i++)
		cr_assert_eq(model_load_pack(l->m, packs[i], &e), 0, "%s", e.msg);
	l->mt = model_tu_new(l->m, l->tu);
	l->cm = cycle_model_new(l->tu, l->mt);
	struct analyze_options ao;
	analyze_default_options(&ao, l->m);
	static const struct check *const cycle_checks[] = { &check_cycle_types, &check_cycle_created };
	ao.engine.checks = cycle_checks;
	ao.engine.nchecks = 2;
	analyze_result_init(&l->res);
	cr_assert_eq(analyze_tu(&ao, l->tu, &l->res, &e), 0, "%s", e.msg);
}

static void lower_and_check(struct lowered *l, const char *path, const char *text)
{
	lower_with_packs(l, path, text, NULL, NULL);
}

/* rules/cpython.json with its "type_tables" replaced by those of `overlay`
 * (a pack text), written to path: the tests pin the schema's features
 * whatever the shipped pack says. */
static void write_cpython_with_tables(const char *path, const char *overlay)
{
	json_error_t jerr;
	json_t *pack = json_load_file(REFCHECK_RULES_DIR "/cpython.json", 0, &jerr);
	json_t *ov = json_loads(overlay, 0, &jerr);
	cr_assert(pack && ov, "%s", jerr.text);
	json_object_set(pack, "type_tables", json_object_get(ov, "type_tables"));
	cr_assert_eq(json_dump_file(pack, path, 0), 0);
	json_decref(pack);
	json_decref(ov);
}

static void lowered_done(struct lowered *l)
{
	analyze_result_dispose(&l->res);
	cycle_model_free(l->cm);
	model_tu_free(l->mt);
	model_free(l->m);
	ir_tu_free(l->tu);
}

static char *findings_text(const struct lowered *l)
{
	static char buf[8192];
	size_t len = 0;
	buf[0] = '\0';
	for (uint32_t i = 0; i < l->res.findings.n && len < sizeof(buf); i++) {
		const struct finding *f = l->res.findings.items[i];
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "\n  %s:%u: %s [%s]", f->loc.file,
		                        f->loc.line, f->message, rule_name(f->rule));
	}
	return buf;
}

static const struct cycle_table *table_named(const struct cycle_model *cm, const char *name)
{
	for (uint32_t i = 0; i < cm->ntables; i++)
		if (strcmp(cm->tables[i].global->name, name) == 0)
			return &cm->tables[i];
	cr_assert_fail("no type table %s", name);
	return NULL;
}

static const char node_src[] =
	"#include <rc/rc.h>\n"
	"typedef struct entry { rc_object *key; } entry;\n"
	"typedef struct node {\n"
	"    RC_OBJECT_HEAD;\n"
	"    rc_object *left;\n"                     /* line 5 */
	"    rc_object *right;\n"                    /* line 6 */
	"    entry *slots;\n"
	"    struct node *parent RC_BORROWED_FIELD;\n"
	"} node;\n"
	"static void node_dealloc(rc_object *self)\n"
	"{\n"
	"    node *n = (node *)self;\n"
	"    RC_CLEAR(n->left);\n"
	"}\n"
	"static const rc_type node_type = { \"node\", sizeof(node), node_dealloc, 0, 0, 0, 0 };\n";

Test(cycle_frontend, lowering_feeds_the_type_model)
{
	struct lowered l;
	lower_and_check(&l, "node.c", node_src);
	const struct cycle_table *t = table_named(l.cm, "node_type");
	cr_assert_geq(t->type, 0, "sizeof(node) names the object struct");
	cr_assert_str_eq(l.cm->types[t->type].rec->name, "node");
	const struct ir_init *size = NULL;
	for (uint32_t i = 0; i < t->global->init->nelems; i++)
		if (strcmp(t->global->init->elems[i].field, "size") == 0)
			size = &t->global->init->elems[i];
	cr_assert_not_null(size, "the positional element is given its member name");
	cr_assert_str_eq(size->expr->sizeof_record, "node");
	cr_assert_str_eq(t->fn[MODEL_TT_DEALLOC], "node_dealloc");
	cr_assert_not(t->tracked);
	/* left, right, slots[].key; parent is borrowed. */
	cr_assert_eq(l.cm->types[t->type].nrefs, 3);
	const struct ir_record *r = cycle_record(l.cm, "node");
	cr_assert_str_eq(r->fields[3].ty->elem_record, "entry");
	/* Untracked with generic fields: a cycle; dealloc misses right. It
	 * releases nothing under `slots`, so that table of entries counts as
	 * borrowed and is not reported. */
	uint32_t untracked = 0, dealloc = 0;
	for (uint32_t i = 0; i < l.res.findings.n; i++) {
		const struct finding *f = l.res.findings.items[i];
		untracked += f->rule == RULE_CYCLE_UNTRACKED_TYPE && f->loc.line == 5;
		dealloc += f->rule == RULE_REFCOUNT_DEALLOC_INCOMPLETE && f->loc.line == 6;
	}
	cr_assert_eq(untracked, 1, "%s", findings_text(&l));
	cr_assert_eq(dealloc, 1, "%s", findings_text(&l));
	cr_assert_eq(l.res.findings.n, 2, "%s", findings_text(&l));
	const struct cycle_type *node = &l.cm->types[t->type];
	cr_assert_eq(node->borrowed, 1ull << 2, "slots[].key is a borrowed structure");
	cr_assert_eq(node->unreleased, (1ull << 1) | (1ull << 2));
	lowered_done(&l);
}

/* The runtime's built-in types: tracked containers with complete
 * dealloc/traverse/clear, and leaf types without references. */
static void check_builtin(const char *file, const char *table, bool tracked, uint32_t nrefs)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/runtime/src/%s", REFCHECK_SOURCE_DIR, file);
	char *text = slurp(path);
	struct lowered l;
	lower_and_check(&l, path, text);
	free(text);
	cr_assert_eq(l.res.findings.n, 0, "%s:%s", file, findings_text(&l));
	const struct cycle_table *t = table_named(l.cm, table);
	cr_assert_eq(t->tracked, tracked, "%s", table);
	if (nrefs) {
		cr_assert_geq(t->type, 0, "%s: the object struct is known", table);
		cr_assert_eq(l.cm->types[t->type].nrefs, nrefs, "%s", table);
	}
	lowered_done(&l);
}

Test(cycle_frontend, builtin_list) { check_builtin("list.c", "rc_list_type", true, 1); }
Test(cycle_frontend, builtin_dict) { check_builtin("dict.c", "rc_dict_type", true, 2); }
Test(cycle_frontend, builtin_tuple) { check_builtin("tuple.c", "rc_tuple_type", true, 1); }
Test(cycle_frontend, builtin_int) { check_builtin("int.c", "rc_int_type", false, 0); }
Test(cycle_frontend, builtin_str) { check_builtin("str.c", "rc_str_type", false, 0); }
Test(cycle_frontend, builtin_weakref) { check_builtin("weakref.c", "rc_weakref_type", false, 0); }

/* Every other runtime source (no type tables, or internal ones) is clean too. */
Test(cycle_frontend, runtime_sources_are_clean)
{
	static const char *const files[] = { "object.c", "gc.c", "gc_api.c", "alloc.c", "error.c",
	                                     "trace.c", "trace_report.c", "ptrmap.c" };
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/runtime/src/%s", REFCHECK_SOURCE_DIR, files[i]);
		char *text = slurp(path);
		struct lowered l;
		lower_and_check(&l, path, text);
		free(text);
		cr_assert_eq(l.res.findings.n, 0, "%s:%s", files[i], findings_text(&l));
		lowered_done(&l);
	}
}

/* The pack schema carries CPython's type tables without new code: a
 * PyTypeObject (tag _typeobject) with Py_TPFLAGS_HAVE_GC, and a PyType_Spec
 * whose functions come from a PyType_Slot array. */
static const char cpython_types_pack[] =
	"{ \"pack\": \"cpython_types_test\", \"type_tables\": { \"tables\": ["
	"  { \"struct\": \"_typeobject\", \"gc_flag\": 16384,"
	"    \"members\": { \"size\": \"tp_basicsize\", \"dealloc\": \"tp_dealloc\","
	"                   \"traverse\": \"tp_traverse\", \"clear\": \"tp_clear\", \"flags\": \"tp_flags\" } },"
	"  { \"struct\": \"PyType_Spec\", \"gc_flag\": 16384,"
	"    \"members\": { \"size\": \"basicsize\", \"flags\": \"flags\" },"
	"    \"slots\": { \"member\": \"slots\", \"id\": \"slot\", \"value\": \"pfunc\","
	"                 \"ids\": { \"dealloc\": 52, \"traverse\": 71, \"clear\": 51 } } } ],"
	"  \"unowned_fields\": [\"weakreflist\"] } }";

static const char cpython_src[] =
	"#define PY_SSIZE_T_CLEAN\n"
	"#include <Python.h>\n"
	"typedef struct {\n"
	"    PyObject_HEAD\n"
	"    PyObject *left;\n"                                 /* line 5 */
	"    PyObject *right;\n"                                /* line 6: not visited */
	"    PyObject *weakreflist;\n"
	"} Tree;\n"
	"static int tree_traverse(Tree *self, visitproc visit, void *arg)\n"
	"{\n"
	"    Py_VISIT(self->left);\n"
	"    return 0;\n"
	"}\n"
	"static int tree_clear(Tree *self)\n"
	"{\n"
	"    Py_CLEAR(self->left);\n"
	"    Py_CLEAR(self->right);\n"
	"    return 0;\n"
	"}\n"
	"static void tree_dealloc(Tree *self)\n"
	"{\n"
	"    PyObject_GC_UnTrack(self);\n"
	"    tree_clear(self);\n"
	"    Py_XDECREF(self->weakreflist);\n"
	"    Py_TYPE(self)->tp_free((PyObject *)self);\n"
	"}\n"
	"PyTypeObject Tree_Type = {\n"
	"    PyVarObject_HEAD_INIT(NULL, 0)\n"
	"    .tp_name = \"t.Tree\",\n"
	"    .tp_basicsize = sizeof(Tree),\n"
	"    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,\n"
	"    .tp_dealloc = (destructor)tree_dealloc,\n"
	"    .tp_traverse = (traverseproc)tree_traverse,\n"
	"    .tp_clear = (inquiry)tree_clear,\n"
	"};\n"
	"typedef struct {\n"
	"    PyObject_HEAD\n"
	"    PyObject *value;\n"                                /* line 38: untracked */
	"} Box;\n"
	"static void box_dealloc(Box *self)\n"
	"{\n"
	"    Py_CLEAR(self->value);\n"
	"    Py_TYPE(self)->tp_free((PyObject *)self);\n"
	"}\n"
	"static PyType_Slot box_slots[] = {\n"
	"    {Py_tp_dealloc, box_dealloc},\n"
	"    {0, NULL},\n"
	"};\n"
	"PyType_Spec box_spec = { \"t.Box\", sizeof(Box), 0, Py_TPFLAGS_DEFAULT, box_slots };\n";

Test(cycle_frontend, cpython_type_tables_from_the_pack)
{
	const char *pack = "/tmp/refcheck_test_cpython_types.json";
	write_cpython_with_tables(pack, cpython_types_pack);
	const char *packs[] = { pack, NULL };
	struct lowered l;
	lower_with_packs(&l, "tree.c", cpython_src, "-I/usr/include/python3.11", packs);
	const struct cycle_table *tree = table_named(l.cm, "Tree_Type");
	cr_assert(tree->tracked, "HAVE_GC and a traverse");
	cr_assert_geq(tree->type, 0);
	const struct cycle_table *box = table_named(l.cm, "box_spec");
	cr_assert_not(box->tracked);
	cr_assert_str_eq(box->fn[MODEL_TT_DEALLOC], "box_dealloc");
	/* right is not visited (weakreflist is unowned by the pack's word);
	 * Box can own itself. */
	uint32_t right = 0, box_cycle = 0;
	for (uint32_t i = 0; i < l.res.findings.n; i++) {
		const struct finding *x = l.res.findings.items[i];
		right += x->rule == RULE_CYCLE_TRAVERSE_INCOMPLETE && x->loc.line == 6;
		box_cycle += x->rule == RULE_CYCLE_UNTRACKED_TYPE && x->loc.line == 38;
	}
	cr_assert_eq(right, 1, "%s", findings_text(&l));
	cr_assert_eq(box_cycle, 1, "%s", findings_text(&l));
	cr_assert_eq(l.res.findings.n, 2, "%s", findings_text(&l));
	lowered_done(&l);
	remove(pack);
}

/* What CPython's own modules do that the checks must understand (each
 * found as a false positive on CPython 3.11's Modules/ and fixed):
 * resurrection in dealloc, tp_clear called through the type, a struct
 * handled through a cast to one of the same layout, a base type that
 * lends a missing dealloc, weak-reference list heads, tagged pointers,
 * and one chain of blocks reached from two ends. */
static const char cpython_overlay[] =
	"{ \"pack\": \"cpython_overlay_test\", \"type_tables\": {"
	"  \"tables\": ["
	"    { \"struct\": \"_typeobject\", \"gc_flag\": 16384,"
	"      \"members\": { \"size\": \"tp_basicsize\", \"dealloc\": \"tp_dealloc\","
	"        \"traverse\": \"tp_traverse\", \"clear\": \"tp_clear\", \"flags\": \"tp_flags\","
	"        \"base\": \"tp_base\" } },"
	"    { \"struct\": \"PyType_Spec\", \"gc_flag\": 16384,"
	"      \"members\": { \"size\": \"basicsize\", \"flags\": \"flags\" },"
	"      \"slots\": { \"member\": \"slots\", \"id\": \"slot\", \"value\": \"pfunc\","
	"        \"ids\": { \"dealloc\": 52, \"traverse\": 71, \"clear\": 51, \"finalize\": 80,"
	"                   \"base\": [48, 49] } }, \"finalize_releases\": true } ],"
	"  \"unowned_fields\": [\"*weakreflist\"],"
	"  \"resurrect_calls\": [\"PyObject_CallFinalizerFromDealloc\", \"_PyTrash_begin\"],"
	"  \"derives\": [ { \"function\": \"PyType_FromSpecWithBases\", \"table_arg\": 1, \"base_arg\": 2 } ] } }";

static const char cpython_idioms_src[] =
	"#define PY_SSIZE_T_CLEAN\n"
	"#include <Python.h>\n"
	"#include <stdint.h>\n"
	"#define GC_TYPE(T) (Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC)\n"
	/* A Future and a Task sharing a layout; the Task is cleared as a Future. */
	"typedef struct { PyObject_HEAD PyObject *fut_loop; PyObject *fut_weakreflist; } FutureObj;\n"
	"typedef struct { PyObject_HEAD PyObject *task_loop; PyObject *task_weakreflist; } TaskObj;\n"
	"static int fut_clear(FutureObj *f) { Py_CLEAR(f->fut_loop); return 0; }\n"
	"static int fut_traverse(FutureObj *f, visitproc visit, void *arg) { Py_VISIT(f->fut_loop); return 0; }\n"
	"static void fut_dealloc(PyObject *self) {\n"
	"    if (PyObject_CallFinalizerFromDealloc(self) < 0)\n"
	"        return;\n"
	"    PyObject_GC_UnTrack(self);\n"
	"    Py_TYPE(self)->tp_clear(self);\n"
	"    Py_TYPE(self)->tp_free(self);\n"
	"}\n"
	"static int task_clear(TaskObj *t) { return fut_clear((FutureObj *)t); }\n"
	"static int task_traverse(TaskObj *t, visitproc visit, void *arg) { Py_VISIT(t->task_loop); return 0; }\n"
	"static void task_dealloc(PyObject *self) {\n"
	"    PyObject_GC_UnTrack(self);\n"
	"    (void)task_clear((TaskObj *)self);\n"
	"    Py_TYPE(self)->tp_free(self);\n"
	"}\n"
	"PyTypeObject Future_Type = { PyVarObject_HEAD_INIT(NULL, 0) .tp_name = \"F\",\n"
	"    .tp_basicsize = sizeof(FutureObj), .tp_flags = GC_TYPE(0), .tp_dealloc = fut_dealloc,\n"
	"    .tp_traverse = (traverseproc)fut_traverse, .tp_clear = (inquiry)fut_clear };\n"
	"PyTypeObject Task_Type = { PyVarObject_HEAD_INIT(NULL, 0) .tp_name = \"T\",\n"
	"    .tp_basicsize = sizeof(TaskObj), .tp_flags = GC_TYPE(0), .tp_dealloc = task_dealloc,\n"
	"    .tp_traverse = (traverseproc)task_traverse, .tp_clear = (inquiry)task_clear };\n"
	/* A tagged pointer, released through its mask. */
	"#define JOIN_OBJ(p) ((PyObject *)((uintptr_t)(p) & ~(uintptr_t)1))\n"
	"typedef struct { PyObject_HEAD PyObject *text; } Elem;\n"
	"static void elem_dealloc(Elem *e) {\n"
	"    PyObject_GC_UnTrack(e);\n"
	"    Py_TRASHCAN_BEGIN(e, elem_dealloc)\n"
	"    Py_DECREF(JOIN_OBJ(e->text));\n"
	"    Py_TYPE(e)->tp_free(e);\n"
	"    Py_TRASHCAN_END\n"
	"}\n"
	"static int elem_traverse(Elem *e, visitproc visit, void *arg) { Py_VISIT(JOIN_OBJ(e->text)); return 0; }\n"
	"PyTypeObject Elem_Type = { PyVarObject_HEAD_INIT(NULL, 0) .tp_name = \"E\",\n"
	"    .tp_basicsize = sizeof(Elem), .tp_flags = GC_TYPE(0), .tp_dealloc = (destructor)elem_dealloc,\n"
	"    .tp_traverse = (traverseproc)elem_traverse };\n"
	/* A deque of blocks, walked from its left end only. */
	"typedef struct block { struct block *leftlink; PyObject *data[4]; struct block *rightlink; } block;\n"
	"typedef struct { PyObject_HEAD block *leftblock; block *rightblock; Py_ssize_t n; } deque;\n"
	"static int deque_traverse(deque *d, visitproc visit, void *arg) {\n"
	"    for (block *b = d->leftblock; b != NULL; b = b->rightlink)\n"
	"        for (int i = 0; i < 4; i++)\n"
	"            Py_VISIT(b->data[i]);\n"
	"    return 0;\n"
	"}\n"
	"static void deque_dealloc(deque *d) {\n"
	"    block *b = d->leftblock;\n"
	"    while (b != NULL) {\n"
	"        block *next = b->rightlink;\n"
	"        for (int i = 0; i < 4; i++)\n"
	"            Py_XDECREF(b->data[i]);\n"
	"        PyMem_Free(b);\n"
	"        b = next;\n"
	"    }\n"
	"    Py_TYPE(d)->tp_free(d);\n"
	"}\n"
	"PyTypeObject Deque_Type = { PyVarObject_HEAD_INIT(NULL, 0) .tp_name = \"D\",\n"
	"    .tp_basicsize = sizeof(deque), .tp_flags = GC_TYPE(0), .tp_dealloc = (destructor)deque_dealloc,\n"
	"    .tp_traverse = (traverseproc)deque_traverse };\n"
	/* An exception type made from a spec with a base: it inherits dealloc and GC. */
	"typedef struct { PyObject_HEAD PyObject *dict; PyObject *args; } ErrObject;\n"
	"static PyType_Slot err_slots[] = { {0, NULL} };\n"
	"static PyType_Spec err_spec = { \"m.Err\", sizeof(ErrObject), 0, Py_TPFLAGS_DEFAULT, err_slots };\n"
	"PyObject *make_err(PyObject *base) { return PyType_FromSpecWithBases(&err_spec, base); }\n"
	/* A heap type whose finalizer releases its attribute, and no dealloc. */
	"typedef struct { PyObject_HEAD PyObject *x_attr; } Xxo;\n"
	"static void xxo_finalize(PyObject *self) { Py_CLEAR(((Xxo *)self)->x_attr); }\n"
	"static int xxo_traverse(Xxo *self, visitproc visit, void *arg) { Py_VISIT(self->x_attr); return 0; }\n"
	"static PyType_Slot xxo_slots[] = { {Py_tp_finalize, xxo_finalize},\n"
	"    {Py_tp_traverse, xxo_traverse}, {0, NULL} };\n"
	"PyType_Spec xxo_spec = { \"m.Xxo\", sizeof(Xxo), 0, GC_TYPE(0), xxo_slots };\n";

Test(cycle_frontend, cpython_idioms_are_understood)
{
	const char *pack = "/tmp/refcheck_test_cpython_overlay.json";
	write_cpython_with_tables(pack, cpython_overlay);
	const char *packs[] = { pack, NULL };
	struct lowered l;
	lower_with_packs(&l, "idioms.c", cpython_idioms_src, "-I/usr/include/python3.11", packs);
	cr_assert_eq(l.res.findings.n, 0, "%s", findings_text(&l));
	const struct cycle_table *err = table_named(l.cm, "err_spec");
	cr_assert(err->has_base, "PyType_FromSpecWithBases(&err_spec, base)");
	cr_assert_not(err->tracking_known);
	cr_assert(table_named(l.cm, "Task_Type")->dealloc_run);
	cr_assert(table_named(l.cm, "Deque_Type")->tracked);
	cr_assert(table_named(l.cm, "xxo_spec")->dealloc_run, "its finalize stands in for dealloc");
	lowered_done(&l);
	remove(pack);
}

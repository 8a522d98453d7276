/*
 * test_types.c — the type model on hand-built IR: which fields own
 * references, how type tables are read (designated, positional, without
 * sizeof, slot arrays with a GC flag), the ownership graph of types, and
 * cycle-untracked-type.
 */
#include "cycle_build.h"

#include "cycles/cycles_internal.h"
#include "model/pack_types.h"

#include <unistd.h>

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

/* node { ob_base; rc_object *left; rc_object *right; rc_object *parent RC_BORROWED_FIELD;
 *        int n; rc_object *cache RC_WEAK_FIELD; } */
Test(cycle_types, owned_fields)
{
	struct irb b;
	irb_init(&b);
	uint32_t node = cb_record(&b, "node", true);
	cb_field(&b, node, "left", b.obj, 0, NULL);
	cb_field(&b, node, "right", cb_ptr(&b, "node"), 0, NULL);
	cb_field(&b, node, "parent", b.obj, 0, "rc:borrowed_field");
	cb_field(&b, node, "n", b.i, 0, NULL);
	cb_field(&b, node, "cache", b.obj, 0, "rc:weak_field");
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	cr_assert_eq(r.cm->ntypes, 1);
	const struct cycle_type *t = &r.cm->types[0];
	cr_assert_eq(t->nrefs, 3);
	cr_assert_str_eq(t->refs[0].field->name, "left");
	cr_assert_null(t->refs[0].target, "rc_object * points to any object");
	cr_assert_str_eq(t->refs[1].target, "node");
	cr_assert(t->refs[2].weak);
	cr_assert_not(t->refs[0].array);
	/* No type table: nothing is known about tracking, nothing is reported. */
	cr_assert_eq(cycle_record_tracking(r.cm, "node"), CYCLE_UNKNOWN);
	cycle_expect_clean(&r);
	cr_assert_not(cycle_field_owns(r.cm, "node", "parent"));
	cr_assert_not(cycle_field_owns(r.cm, "node", "cache"));
	cr_assert(cycle_field_owns(r.cm, "node", "left"));
	cycle_done(&b, &r);
}

/* list { rc_object **items; }, tuple { rc_object *items[]; },
 * dict { dict_entry *slots; dict_entry inline_[4]; } with dict_entry { key; value; hash } */
Test(cycle_types, references_behind_arrays_and_records)
{
	struct irb b;
	irb_init(&b);
	uint32_t list = cb_record(&b, "list", true);
	cb_field(&b, list, "items", b.obj2, 0, NULL);
	uint32_t tuple = cb_record(&b, "tuple", true);
	cb_field(&b, tuple, "items", cb_type(&b, IR_TY_ARRAY, 1, "rc_object", NULL), -1, NULL);
	uint32_t entry = cb_record(&b, "dict_entry", false);
	cb_field(&b, entry, "hash", b.i, 0, NULL);
	cb_field(&b, entry, "key", b.obj, 0, NULL);
	cb_field(&b, entry, "value", b.obj, 0, NULL);
	uint32_t dict = cb_record(&b, "dict", true);
	cb_field(&b, dict, "slots", cb_type(&b, IR_TY_PTR, 0, NULL, "dict_entry"), 0, NULL);
	cb_field(&b, dict, "small", cb_type(&b, IR_TY_ARRAY, 0, NULL, "dict_entry"), 4, NULL);
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	cr_assert_eq(r.cm->ntypes, 3, "dict_entry is not an object type");
	struct strbuf sb = STRBUF_INIT;
	const struct cycle_type *tl = &r.cm->types[0], *tt = &r.cm->types[1], *td = &r.cm->types[2];
	cr_assert_eq(tl->nrefs, 1);
	cpath_text(&tl->refs[0].path, "self", &sb);
	cr_assert_str_eq(sb_str(&sb), "self->items[]");
	cr_assert(tl->refs[0].array);
	cr_assert_eq(tt->nrefs, 1);
	cr_assert(tt->refs[0].array);
	cr_assert_eq(td->nrefs, 4);
	sb_reset(&sb);
	cpath_text(&td->refs[0].path, "self", &sb);
	cr_assert_str_eq(sb_str(&sb), "self->slots[].key");
	cr_assert_str_eq(td->refs[0].holder, "dict_entry");
	sb_reset(&sb);
	cpath_text(&td->refs[3].path, "d", &sb);
	cr_assert_str_eq(sb_str(&sb), "d->small[].value");
	sb_dispose(&sb);
	cycle_done(&b, &r);
}

/* A chain of plain records (entry { key; entry *next; }) held by an object:
 * one reference, and every node of the chain has the same canonical path. */
Test(cycle_types, chains_of_records_collapse)
{
	struct irb b;
	irb_init(&b);
	uint32_t entry = cb_record(&b, "entry", false);
	cb_field(&b, entry, "key", b.obj, 0, NULL);
	cb_field(&b, entry, "next", cb_type(&b, IR_TY_PTR, 0, NULL, "entry"), 0, NULL);
	uint32_t bag = cb_record(&b, "bag", true);
	cb_field(&b, bag, "head", cb_type(&b, IR_TY_PTR, 0, NULL, "entry"), 0, NULL);
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	const struct cycle_type *t = &r.cm->types[0];
	cr_assert_eq(t->nrefs, 1);
	struct cpath p = { 0 };
	const char *segs[] = { "head", CPATH_ELEM, "next", CPATH_ELEM, "next", CPATH_ELEM, "key" };
	for (size_t i = 0; i < sizeof(segs) / sizeof(segs[0]); i++)
		cpath_push(&p, segs[i]);
	struct cloc at;
	struct cpath c = cpath_canon(r.cm, t->rec, &p, &at);
	cr_assert(cpath_eq(&c, &t->refs[0].path));
	cr_assert_eq(at.kind, CL_SLOT);
	cycle_done(&b, &r);
}

/* node { node *next; } with node_type = { .size = sizeof(node) } and no
 * traverse: a cycle of nodes can never be collected. */
Test(cycle_types, untracked_self_cycle)
{
	struct irb b;
	irb_init(&b);
	uint32_t node = cb_record(&b, "node", true);
	uint32_t next = cb_field(&b, node, "next", cb_ptr(&b, "node"), 0, NULL);
	cb_rc_type(&b, "node_type", "node", NULL, NULL, NULL);
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	cr_assert_eq(cycle_record_tracking(r.cm, "node"), CYCLE_UNTRACKED);
	cr_assert_eq(cycle_table_tracking(r.cm, "node_type"), CYCLE_UNTRACKED);
	int rules[] = { RULE_CYCLE_UNTRACKED_TYPE, RULE_REFCOUNT_DEALLOC_INCOMPLETE };
	uint32_t lines[] = { next, next };
	cycle_expect(&r, 2, rules, lines);
	const struct finding *f = r.out.items[0]->rule == RULE_CYCLE_UNTRACKED_TYPE
		? r.out.items[0] : r.out.items[1];
	cr_assert(strstr(f->message, "node->next -> node"), "%s", f->message);
	cr_assert_geq(f->nsteps, 2, "notes at the field and at the type table");
	cycle_done(&b, &r);
}

/* The same type with a traverse that visits next is tracked and clean. */
Test(cycle_types, tracked_type_is_clean)
{
	struct irb b;
	irb_init(&b);
	cb_declare_runtime(&b);
	uint32_t node = cb_record(&b, "node", true);
	cb_field(&b, node, "next", cb_ptr(&b, "node"), 0, NULL);
	uint32_t self, visit, arg;
	uint32_t n = cb_method(&b, "node_traverse", "node", true, &self, &visit, &arg);
	cb_visit(&b, FIELD(&b, V(&b, n), "next", cb_ptr(&b, "node")), visit, arg);
	irb_ret(&b, INT(&b, 0));
	n = cb_method(&b, "node_dealloc", "node", false, &self, NULL, NULL);
	cb_clear(&b, FIELD(&b, V(&b, n), "next", cb_ptr(&b, "node")));
	irb_ret(&b, NULL);
	n = cb_method(&b, "node_clear", "node", false, &self, NULL, NULL);
	cb_clear(&b, FIELD(&b, V(&b, n), "next", cb_ptr(&b, "node")));
	irb_ret(&b, NULL);
	cb_rc_type(&b, "node_type", "node", "node_dealloc", "node_traverse", "node_clear");
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	cr_assert_eq(cycle_record_tracking(r.cm, "node"), CYCLE_TRACKED);
	cycle_expect_clean(&r);
	cycle_done(&b, &r);
}

/* box { rc_object *value; } untracked: value may hold a list that holds the
 * box. leaf { int n; } has nothing to own. pair a { b *x } / b { a *y }. */
Test(cycle_types, generic_fields_and_mutual_types)
{
	struct irb b;
	irb_init(&b);
	uint32_t box = cb_record(&b, "box", true);
	uint32_t value = cb_field(&b, box, "value", b.obj, 0, NULL);
	uint32_t leaf = cb_record(&b, "leaf", true);
	cb_field(&b, leaf, "n", b.i, 0, NULL);
	uint32_t ta = cb_record(&b, "ta", true);
	uint32_t x = cb_field(&b, ta, "x", cb_ptr(&b, "tb"), 0, NULL);
	uint32_t tb = cb_record(&b, "tb", true);
	uint32_t y = cb_field(&b, tb, "y", cb_ptr(&b, "ta"), 0, NULL);
	uint32_t tc = cb_record(&b, "tc", true);
	cb_field(&b, tc, "l", cb_ptr(&b, "leaf"), 0, NULL);
	/* Tables with a dealloc defined elsewhere, so only the graph speaks. */
	struct ir_global *g;
	g = cb_rc_type(&b, "box_type", "box", "box_dealloc", NULL, NULL);
	g = cb_rc_type(&b, "leaf_type", "leaf", NULL, NULL, NULL);
	g = cb_rc_type(&b, "ta_type", "ta", "ta_dealloc", NULL, NULL);
	g = cb_rc_type(&b, "tb_type", "tb", "tb_dealloc", NULL, NULL);
	g = cb_rc_type(&b, "tc_type", "tc", "tc_dealloc", NULL, NULL);
	(void)g;
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	int rules[] = { RULE_CYCLE_UNTRACKED_TYPE, RULE_CYCLE_UNTRACKED_TYPE, RULE_CYCLE_UNTRACKED_TYPE };
	uint32_t lines[] = { value, x, y };
	cycle_expect(&r, 3, rules, lines);
	uint32_t ka = (uint32_t)cycle_type_index(r.cm, "ta"), kc = (uint32_t)cycle_type_index(r.cm, "tc");
	uint32_t kl = (uint32_t)cycle_type_index(r.cm, "leaf");
	cr_assert(cycle_reaches(r.cm, ka, ka));
	cr_assert_not(cycle_reaches(r.cm, kc, kc));
	cr_assert(cycle_reaches(r.cm, kc, kl));
	cycle_done(&b, &r);
}

/* A table without sizeof: the object struct comes from the local the
 * dealloc casts self into. A positional initialiser looks the same. */
Test(cycle_types, table_record_from_the_functions)
{
	struct irb b;
	irb_init(&b);
	cb_declare_runtime(&b);
	uint32_t node = cb_record(&b, "node", true);
	uint32_t left = cb_field(&b, node, "left", b.obj, 0, NULL);
	uint32_t right = cb_field(&b, node, "right", b.obj, 0, NULL);
	uint32_t self;
	uint32_t n = cb_method(&b, "node_dealloc", "node", false, &self, NULL, NULL);
	cb_clear(&b, FIELD(&b, V(&b, n), "right", b.obj));
	irb_ret(&b, NULL);
	cb_global(&b, "node_type", "rc_type", "name", STR(&b, "node"), "size", INT(&b, 48),
	          "dealloc", FN(&b, "node_dealloc"), NULL);
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	cr_assert_eq(r.cm->ntables, 1);
	cr_assert_eq(r.cm->tables[0].type, 0);
	/* left, never released, owns nothing for the cycle: it runs through right. */
	int rules[] = { RULE_CYCLE_UNTRACKED_TYPE, RULE_REFCOUNT_DEALLOC_INCOMPLETE };
	uint32_t lines[] = { right, left };
	cycle_expect(&r, 2, rules, lines);
	cycle_done(&b, &r);
}

/* CPython-style: a PyType_Spec whose slot array names the functions, and a
 * GC flag the flags member must carry for the type to be tracked. */
Test(cycle_types, slot_arrays_and_gc_flag)
{
	const char *pack = "/tmp/refcheck_test_slots.json";
	write_file(pack,
	           "{ \"pack\": \"py\", \"object_structs\": [\"PyObject\"], \"type_tables\": {"
	           "  \"tables\": [ { \"struct\": \"PyType_Spec\", \"gc_flag\": 16384,"
	           "    \"members\": { \"size\": \"basicsize\", \"flags\": \"flags\" },"
	           "    \"slots\": { \"member\": \"slots\", \"id\": \"slot\", \"value\": \"pfunc\","
	           "                 \"ids\": { \"dealloc\": 52, \"traverse\": 71, \"clear\": 51 } } } ] } }");
	struct irb b;
	irb_init(&b);
	uint32_t obj = cb_record(&b, "MyObject", true);
	uint32_t f = cb_field(&b, obj, "x", b.obj, 0, NULL);
	/* static PyType_Slot slots[] = { {Py_tp_traverse, my_traverse}, {0, NULL} }; */
	struct ir_global *arr = cb_global(&b, "my_slots", "PyType_Slot", NULL);
	arr->ty = cb_type(&b, IR_TY_ARRAY, 0, "PyType_Slot", "PyType_Slot");
	struct ir_init *el = arr->init->elems;
	arr->init->nelems = 2;
	for (int i = 0; i < 2; i++) {
		el[i].elems = arena_alloc(b.tu->arena, sizeof(struct ir_init) * 2);
		el[i].nelems = 2;
		el[i].elems[0].field = "slot";
		el[i].elems[0].expr = INT(&b, i == 0 ? 71 : 0);
		el[i].elems[1].field = "pfunc";
		el[i].elems[1].expr = i == 0 ? FN(&b, "my_traverse") : NUL(&b);
	}
	/* flags = Py_TPFLAGS_DEFAULT (no HAVE_GC) */
	cb_global(&b, "my_spec", "PyType_Spec", "basicsize", SIZEOF(&b, "MyObject"),
	          "flags", INT(&b, 1 << 18), "slots", GLOBAL(&b, "my_slots"), NULL);
	struct cycle_run r;
	cycle_run_types(&b, &r, pack);
	cr_assert_eq(r.cm->ntables, 1);
	cr_assert_str_eq(r.cm->tables[0].fn[MODEL_TT_TRAVERSE], "my_traverse");
	cr_assert_not(r.cm->tables[0].tracked, "traverse without the GC flag is not tracked");
	int rules[] = { RULE_CYCLE_UNTRACKED_TYPE, RULE_REFCOUNT_DEALLOC_INCOMPLETE };
	uint32_t lines[] = { f, f };
	cycle_expect(&r, 2, rules, lines);
	cr_assert(strstr(r.out.items[0]->message, "not marked") ||
	          strstr(r.out.items[1]->message, "not marked"));
	cycle_done(&b, &r);
	unlink(pack);
}

/* Errors name the file, the entry and the key. */
Test(pack_types, errors_name_file_entry_and_key)
{
	static const struct { const char *json, *needle; } cases[] = {
		{ "{\"pack\":\"p\",\"type_tables\":{\"tables\":[{\"members\":{}}]}}", "tables[0]: 'struct' is required" },
		{ "{\"pack\":\"p\",\"type_tables\":{\"tables\":[{\"struct\":\"T\",\"members\":{\"dealoc\":\"d\"}}]}}",
		  "tables[0] (T): 'members' names an unknown role" },
		{ "{\"pack\":\"p\",\"type_tables\":{\"tables\":[{\"struct\":\"T\",\"members\":{\"dealloc\":\"d\"}}]}}",
		  "must say where the traverse function is" },
		{ "{\"pack\":\"p\",\"type_tables\":{\"tables\":[{\"struct\":\"T\",\"gc_flag\":4,\"members\":{\"traverse\":\"t\"}}]}}",
		  "'gc_flag' needs a \"flags\" member" },
		{ "{\"pack\":\"p\",\"type_tables\":{\"allocators\":[{\"function\":\"f\"}]}}",
		  "allocators[0]: 'type_arg' is required" },
		{ "{\"pack\":\"p\",\"type_tables\":{\"tabels\":[]}}", "'tabels' is not a known key" },
		{ "{\"pack\":\"p\",\"type_tables\":{\"unowned_fields\":[3]}}", "unowned_fields[0]" },
	};
	const char *path = "/tmp/refcheck_test_badpack.json";
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		write_file(path, cases[i].json);
		struct model *m = model_new();
		struct err e = { 0 };
		cr_assert_eq(model_load_pack(m, path, &e), ERR_INVALID, "case %zu loaded", i);
		cr_assert(strstr(e.msg, path) && strstr(e.msg, cases[i].needle),
		          "case %zu: '%s' lacks '%s'", i, e.msg, cases[i].needle);
		model_free(m);
	}
	unlink(path);
}

/* The runtime pack describes rc_type and its allocators. */
Test(pack_types, runtime_pack)
{
	struct model *m = model_new();
	struct err e = { 0 };
	cr_assert_eq(model_load_pack(m, REFCHECK_RULES_DIR "/runtime.json", &e), 0, "%s", e.msg);
	const struct model_type_table *t = model_type_table_for(m, "rc_type");
	cr_assert_not_null(t);
	cr_assert_str_eq(t->members[MODEL_TT_TRAVERSE], "traverse");
	cr_assert_str_eq(t->members[MODEL_TT_SIZE], "size");
	cr_assert_eq(t->visit_arg, 2);
	cr_assert_eq(model_allocator_for(m, "rc_new_at")->type_arg, 1);
	cr_assert_null(model_allocator_for(m, "rc_list_new"));
	model_free(m);
}

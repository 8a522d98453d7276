/*
 * test_complete.c — refcount-dealloc-incomplete, cycle-traverse-incomplete
 * and cycle-clear-incomplete on hand-built IR: guards, early returns,
 * helpers, hand-overs, loops over arrays reached through aliases, and the
 * acyclic references traverse and clear may skip.
 */
#include "cycle_build.h"

/* holder { leaf *a; leaf *b; int flag; } with leaf { int n; }: acyclic, so
 * untracked without a finding; only dealloc matters. Returns b's line. */
static uint32_t holder_types(struct irb *b, uint32_t *a_line)
{
	cb_declare_runtime(b);
	uint32_t leaf = cb_record(b, "leaf", true);
	cb_field(b, leaf, "n", b->i, 0, NULL);
	uint32_t h = cb_record(b, "holder", true);
	*a_line = cb_field(b, h, "a", cb_ptr(b, "leaf"), 0, NULL);
	uint32_t line = cb_field(b, h, "b", cb_ptr(b, "leaf"), 0, NULL);
	cb_field(b, h, "flag", b->i, 0, NULL);
	return line;
}

static struct ir_expr *F(struct irb *b, uint32_t var, const char *name)
{
	return FIELD(b, V(b, var), name, cb_ptr(b, "leaf"));
}

static void holder_table(struct irb *b)
{
	cb_rc_type(b, "holder_type", "holder", "holder_dealloc", NULL, NULL);
	cb_rc_type(b, "leaf_type", "leaf", NULL, NULL, NULL);
}

Test(dealloc, complete_is_clean)
{
	struct irb b;
	irb_init(&b);
	uint32_t la, lb = holder_types(&b, &la), self;
	(void)lb;
	uint32_t n = cb_method(&b, "holder_dealloc", "holder", false, &self, NULL, NULL);
	cb_clear(&b, F(&b, n, "a"));
	cb_decref(&b, F(&b, n, "b"));
	irb_ret(&b, NULL);
	holder_table(&b);
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	cycle_expect_clean(&r);
	cycle_done(&b, &r);
}

Test(dealloc, missing_field)
{
	struct irb b;
	irb_init(&b);
	uint32_t la, lb = holder_types(&b, &la), self;
	uint32_t n = cb_method(&b, "holder_dealloc", "holder", false, &self, NULL, NULL);
	cb_clear(&b, F(&b, n, "a"));
	irb_ret(&b, NULL);
	uint32_t ret = b.line - 1;
	holder_table(&b);
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	cycle_expect_one(&r, RULE_REFCOUNT_DEALLOC_INCOMPLETE, lb);
	const struct finding *f = r.out.items[0];
	cr_assert(strstr(f->message, "holder_dealloc") && strstr(f->message, "n->b"), "%s", f->message);
	cr_assert(cb_has_step_at(f, ret), "a note points at the return that misses it");
	cycle_done(&b, &r);
}

/* if (n->flag) rc_decref(n->b): released on one path only. */
Test(dealloc, released_on_one_path)
{
	struct irb b;
	irb_init(&b);
	uint32_t la, lb = holder_types(&b, &la), self;
	uint32_t n = cb_method(&b, "holder_dealloc", "holder", false, &self, NULL, NULL);
	cb_clear(&b, F(&b, n, "a"));
	uint32_t join = cb_if(&b, FIELD(&b, V(&b, n), "flag", b.i));
	cb_decref(&b, F(&b, n, "b"));
	cb_endif(&b, join);
	irb_ret(&b, NULL);
	holder_table(&b);
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	cycle_expect_one(&r, RULE_REFCOUNT_DEALLOC_INCOMPLETE, lb);
	cycle_done(&b, &r);
}

/* if (n->b != NULL) rc_decref(n->b); and if (!n->a) {} else rc_decref(n->a). */
Test(dealloc, null_guards_are_complete)
{
	struct irb b;
	irb_init(&b);
	uint32_t la, lb = holder_types(&b, &la), self;
	(void)lb;
	uint32_t n = cb_method(&b, "holder_dealloc", "holder", false, &self, NULL, NULL);
	uint32_t j1 = cb_if(&b, CMP(&b, IR_OP_NE, F(&b, n, "b"), NUL(&b)));
	cb_decref(&b, F(&b, n, "b"));
	cb_endif(&b, j1);
	uint32_t t2 = irb_block(&b), j2 = irb_block(&b);
	irb_branch(&b, NOT(&b, F(&b, n, "a")), j2, t2);
	irb_at(&b, t2);
	cb_decref(&b, F(&b, n, "a"));
	cb_endif(&b, j2);
	irb_ret(&b, NULL);
	holder_table(&b);
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	cycle_expect_clean(&r);
	cycle_done(&b, &r);
}

/* if (n->flag) return; before releasing b: the early return leaks it. */
Test(dealloc, early_return_misses)
{
	struct irb b;
	irb_init(&b);
	uint32_t la, lb = holder_types(&b, &la), self;
	uint32_t n = cb_method(&b, "holder_dealloc", "holder", false, &self, NULL, NULL);
	cb_clear(&b, F(&b, n, "a"));
	uint32_t early = irb_block(&b), rest = irb_block(&b);
	irb_branch(&b, FIELD(&b, V(&b, n), "flag", b.i), early, rest);
	irb_at(&b, early);
	irb_ret(&b, NULL);
	uint32_t early_line = b.line - 1;
	irb_at(&b, rest);
	cb_clear(&b, F(&b, n, "b"));
	irb_ret(&b, NULL);
	holder_table(&b);
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	cycle_expect_one(&r, RULE_REFCOUNT_DEALLOC_INCOMPLETE, lb);
	cr_assert(cb_has_step_at(r.out.items[0], early_line));
	cycle_done(&b, &r);
}

/* dealloc calls a helper of the TU that clears both fields; another
 * hands b over to a stealing call. */
Test(dealloc, helpers_and_hand_over)
{
	struct irb b;
	irb_init(&b);
	uint32_t la, lb = holder_types(&b, &la), self;
	(void)lb;
	irb_func(&b, "holder_drop", b.v);
	uint32_t h = irb_var(&b, "h", cb_ptr(&b, "holder"), IR_VAR_PARAM);
	uint32_t g = irb_var(&b, "g", b.obj, IR_VAR_LOCAL);
	cb_clear(&b, F(&b, h, "a"));
	irb_call(&b, NULL, "rc_list_set", V(&b, g), INT(&b, 0), F(&b, h, "b"), NULL);
	irb_ret(&b, NULL);
	uint32_t n = cb_method(&b, "holder_dealloc", "holder", false, &self, NULL, NULL);
	irb_call(&b, NULL, "holder_drop", V(&b, n), NULL);
	irb_ret(&b, NULL);
	holder_table(&b);
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	cycle_expect_clean(&r);
	cycle_done(&b, &r);
}

/* list { rc_object **items; size_t size; }: the list's own drop_items —
 * items = l->items; l->items = NULL; for (i…) rc_decref(items[i]). */
static uint32_t list_types(struct irb *b)
{
	cb_declare_runtime(b);
	uint32_t list = cb_record(b, "list", true);
	uint32_t line = cb_field(b, list, "items", b->obj2, 0, NULL);
	cb_field(b, list, "size", b->i, 0, NULL);
	return line;
}

static void list_drop(struct irb *b, const char *name, bool release)
{
	uint32_t self;
	uint32_t l = cb_method(b, name, "list", false, &self, NULL, NULL);
	uint32_t items = irb_var(b, "items", b->obj2, IR_VAR_LOCAL);
	uint32_t i = irb_var(b, "i", b->i, IR_VAR_LOCAL);
	irb_assign(b, V(b, items), FIELD(b, V(b, l), "items", b->obj2));
	irb_assign(b, FIELD(b, V(b, l), "items", b->obj2), NUL(b));
	irb_assign(b, V(b, i), INT(b, 0));
	uint32_t head = irb_block(b), body = irb_block(b), out = irb_block(b);
	irb_goto(b, head);
	irb_at(b, head);
	irb_branch(b, CMP(b, IR_OP_LT, V(b, i), FIELD(b, V(b, l), "size", b->i)), body, out);
	irb_at(b, body);
	if (release)
		cb_decref(b, ir_expr_binary(b->tu, IR_E_INDEX, IR_OP_NONE, V(b, items), V(b, i), b->obj));
	irb_assign(b, V(b, i), ir_expr_binary(b->tu, IR_E_BINOP, IR_OP_ADD, V(b, i), INT(b, 1), b->i));
	irb_goto(b, head);
	irb_at(b, out);
	irb_ret(b, NULL);
}

Test(dealloc, array_through_an_alias)
{
	struct irb b;
	irb_init(&b);
	list_types(&b);
	list_drop(&b, "list_dealloc", true);
	cb_rc_type(&b, "list_type", "list", "list_dealloc", NULL, NULL);
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	/* Untracked with a generic array: the graph says it, dealloc is fine. */
	cr_assert_eq(r.out.n, 1);
	cr_assert_eq(r.out.items[0]->rule, RULE_CYCLE_UNTRACKED_TYPE);
	cycle_done(&b, &r);
}

Test(dealloc, array_never_released)
{
	struct irb b;
	irb_init(&b);
	uint32_t items = list_types(&b);
	list_drop(&b, "list_dealloc", false);
	cb_rc_type(&b, "list_type", "list", "list_dealloc", NULL, NULL);
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	/* Reported once: a reference dealloc never releases owns nothing as
	 * far as the cycle rules are concerned. */
	cycle_expect_one(&r, RULE_REFCOUNT_DEALLOC_INCOMPLETE, items);
	cycle_done(&b, &r);
}

/* ---- traverse and clear ---- */

/* cyc { cyc *next; rc_object *any; leaf *l; } */
struct cyc_lines { uint32_t next, any, l; };

static struct cyc_lines cyc_types(struct irb *b)
{
	struct cyc_lines L;
	cb_declare_runtime(b);
	uint32_t leaf = cb_record(b, "leaf", true);
	cb_field(b, leaf, "n", b->i, 0, NULL);
	uint32_t c = cb_record(b, "cyc", true);
	L.next = cb_field(b, c, "next", cb_ptr(b, "cyc"), 0, NULL);
	L.any = cb_field(b, c, "any", b->obj, 0, NULL);
	L.l = cb_field(b, c, "l", cb_ptr(b, "leaf"), 0, NULL);
	cb_field(b, c, "flag", b->i, 0, NULL);
	return L;
}

static struct ir_expr *CF(struct irb *b, uint32_t var, const char *name)
{
	return FIELD(b, V(b, var), name, b->obj);
}

/* A complete dealloc, so the tests below only speak of traverse/clear. */
static void cyc_dealloc(struct irb *b)
{
	uint32_t self;
	uint32_t n = cb_method(b, "cyc_dealloc", "cyc", false, &self, NULL, NULL);
	cb_clear(b, CF(b, n, "next"));
	cb_clear(b, CF(b, n, "any"));
	cb_clear(b, CF(b, n, "l"));
	irb_ret(b, NULL);
}

static void cyc_table(struct irb *b, const char *clear)
{
	cb_rc_type(b, "cyc_type", "cyc", "cyc_dealloc", "cyc_traverse", clear);
	cb_rc_type(b, "leaf_type", "leaf", NULL, NULL, NULL);
}

/* A fresh TU with the cyc types and their complete dealloc. */
static struct cyc_lines cyc_begin(struct irb *b)
{
	irb_init(b);
	struct cyc_lines L = cyc_types(b);
	cyc_dealloc(b);
	return L;
}

/* Close the TU with its tables and run the type-level rules. */
static void cyc_run(struct irb *b, struct cycle_run *r, const char *clear)
{
	cyc_table(b, clear);
	cycle_run_types(b, r, NULL);
}

/* Visits next and any; l (a leaf, acyclic) need not be visited. */
Test(traverse, complete_is_clean)
{
	struct irb b;
	cyc_begin(&b);
	uint32_t self, visit, arg;
	uint32_t n = cb_method(&b, "cyc_traverse", "cyc", true, &self, &visit, &arg);
	cb_visit(&b, CF(&b, n, "next"), visit, arg);
	cb_visit(&b, CF(&b, n, "any"), visit, arg);
	irb_ret(&b, INT(&b, 0));
	struct cycle_run r;
	cyc_run(&b, &r, NULL);
	cycle_expect_clean(&r);
	cycle_done(&b, &r);
}

Test(traverse, missing_field)
{
	struct irb b;
	struct cyc_lines L = cyc_begin(&b);
	uint32_t self, visit, arg;
	uint32_t n = cb_method(&b, "cyc_traverse", "cyc", true, &self, &visit, &arg);
	cb_visit(&b, CF(&b, n, "next"), visit, arg);
	irb_ret(&b, INT(&b, 0));
	struct cycle_run r;
	cyc_run(&b, &r, NULL);
	cycle_expect_one(&r, RULE_CYCLE_TRAVERSE_INCOMPLETE, L.any);
	cycle_done(&b, &r);
}

/* if (n->flag) return 0; before visiting any: a success exit misses it. */
Test(traverse, early_success_return)
{
	struct irb b;
	struct cyc_lines L = cyc_begin(&b);
	uint32_t self, visit, arg;
	uint32_t n = cb_method(&b, "cyc_traverse", "cyc", true, &self, &visit, &arg);
	cb_visit(&b, CF(&b, n, "next"), visit, arg);
	uint32_t early = irb_block(&b), rest = irb_block(&b);
	irb_branch(&b, FIELD(&b, V(&b, n), "flag", b.i), early, rest);
	irb_at(&b, early);
	irb_ret(&b, INT(&b, 0));
	irb_at(&b, rest);
	cb_visit(&b, CF(&b, n, "any"), visit, arg);
	irb_ret(&b, INT(&b, 0));
	struct cycle_run r;
	cyc_run(&b, &r, NULL);
	cycle_expect_one(&r, RULE_CYCLE_TRAVERSE_INCOMPLETE, L.any);
	cycle_done(&b, &r);
}

/* traverse passes visit to a helper that visits both; `return helper(...)`. */
Test(traverse, through_a_helper)
{
	struct irb b;
	cyc_begin(&b);
	uint32_t self, visit, arg;
	irb_func(&b, "visit_all", b.i);
	uint32_t c = irb_var(&b, "c", cb_ptr(&b, "cyc"), IR_VAR_PARAM);
	uint32_t v = irb_var(&b, "v", ir_type_make(b.tu, IR_TY_FUNCPTR, 0, "rc_visitproc", NULL),
	                     IR_VAR_PARAM);
	uint32_t a = irb_var(&b, "a", b.p, IR_VAR_PARAM);
	cb_visit(&b, CF(&b, c, "next"), v, a);
	cb_visit(&b, CF(&b, c, "any"), v, a);
	irb_ret(&b, INT(&b, 0));
	uint32_t n = cb_method(&b, "cyc_traverse", "cyc", true, &self, &visit, &arg);
	uint32_t res = irb_var(&b, "res", b.i, IR_VAR_LOCAL);
	irb_call(&b, V(&b, res), "visit_all", V(&b, n), V(&b, visit), V(&b, arg), NULL);
	irb_ret(&b, V(&b, res));
	struct cycle_run r;
	cyc_run(&b, &r, NULL);
	cycle_expect_clean(&r);
	cycle_done(&b, &r);
}

Test(clear, complete_and_incomplete)
{
	struct irb b;
	struct cyc_lines L = cyc_begin(&b);
	uint32_t self, visit, arg;
	uint32_t n = cb_method(&b, "cyc_traverse", "cyc", true, &self, &visit, &arg);
	cb_visit(&b, CF(&b, n, "next"), visit, arg);
	cb_visit(&b, CF(&b, n, "any"), visit, arg);
	irb_ret(&b, INT(&b, 0));
	/* clear: releases next but leaves it pointing; forgets any; l is acyclic. */
	n = cb_method(&b, "cyc_clear", "cyc", false, &self, NULL, NULL);
	cb_decref(&b, CF(&b, n, "next"));
	irb_ret(&b, NULL);
	struct cycle_run r;
	cyc_run(&b, &r, "cyc_clear");
	int rules[] = { RULE_CYCLE_CLEAR_INCOMPLETE, RULE_CYCLE_CLEAR_INCOMPLETE };
	uint32_t lines[] = { L.next, L.any };
	cycle_expect(&r, 2, rules, lines);
	bool pointing = false;
	for (uint32_t i = 0; i < r.out.n; i++)
		pointing |= r.out.items[i]->loc.line == L.next &&
		            strstr(r.out.items[i]->message, "leaves the field pointing") != NULL;
	cr_assert(pointing);
	cycle_done(&b, &r);
}

/* dict { dict_entry *slots; size_t cap; }: traverse through
 * e = &d->slots[i]; if (e->key != NULL) { RC_VISIT(e->key); RC_VISIT(e->value); } */
Test(traverse, entries_through_an_address)
{
	struct irb b;
	irb_init(&b);
	cb_declare_runtime(&b);
	uint32_t entry = cb_record(&b, "dict_entry", false);
	cb_field(&b, entry, "key", b.obj, 0, NULL);
	uint32_t value = cb_field(&b, entry, "value", b.obj, 0, NULL);
	uint32_t dict = cb_record(&b, "dict", true);
	const struct ir_type *slots_ty = cb_type(&b, IR_TY_PTR, 0, NULL, "dict_entry");
	cb_field(&b, dict, "slots", slots_ty, 0, NULL);
	cb_field(&b, dict, "cap", b.i, 0, NULL);
	uint32_t self, visit, arg;
	uint32_t d = cb_method(&b, "dict_traverse", "dict", true, &self, &visit, &arg);
	uint32_t e = irb_var(&b, "e", slots_ty, IR_VAR_LOCAL);
	uint32_t i = irb_var(&b, "i", b.i, IR_VAR_LOCAL);
	irb_assign(&b, V(&b, i), INT(&b, 0));
	uint32_t head = irb_block(&b), body = irb_block(&b), out = irb_block(&b), next = irb_block(&b);
	uint32_t full = irb_block(&b);
	irb_goto(&b, head);
	irb_at(&b, head);
	irb_branch(&b, CMP(&b, IR_OP_LT, V(&b, i), FIELD(&b, V(&b, d), "cap", b.i)), body, out);
	irb_at(&b, body);
	struct ir_expr *slot = ir_expr_binary(b.tu, IR_E_INDEX, IR_OP_NONE,
	                                      FIELD(&b, V(&b, d), "slots", slots_ty), V(&b, i),
	                                      cb_type(&b, IR_TY_RECORD, 0, "dict_entry", NULL));
	irb_assign(&b, V(&b, e), ADDR(&b, slot));
	irb_branch(&b, CMP(&b, IR_OP_NE, CF(&b, e, "key"), NUL(&b)), full, next);
	irb_at(&b, full);
	cb_visit(&b, CF(&b, e, "key"), visit, arg);
	cb_visit(&b, CF(&b, e, "value"), visit, arg);
	irb_goto(&b, next);
	irb_at(&b, next);
	irb_assign(&b, V(&b, i), ir_expr_binary(b.tu, IR_E_BINOP, IR_OP_ADD, V(&b, i), INT(&b, 1), b.i));
	irb_goto(&b, head);
	irb_at(&b, out);
	irb_ret(&b, INT(&b, 0));
	cb_rc_type(&b, "dict_type", "dict", NULL, "dict_traverse", NULL);
	struct cycle_run r;
	cycle_run_types(&b, &r, NULL);
	/* Traverse is complete; the missing dealloc is reported for both. */
	for (uint32_t k = 0; k < r.out.n; k++)
		cr_assert_eq(r.out.items[k]->rule, RULE_REFCOUNT_DEALLOC_INCOMPLETE, "%s",
		             r.out.items[k]->message);
	cr_assert_eq(r.out.n, 2);
	(void)value;
	cycle_done(&b, &r);
}

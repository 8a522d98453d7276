/*
 * test_created.c — cycle-created through the engine on hand-built IR:
 * cycles of one, two and three objects, tracked versus untracked types,
 * borrowed back-pointers, links broken by an overwrite, and types known
 * only from parameters.
 */
#include "cycle_build.h"

#include "checks/check.h"
#include "engine/engine.h"

/* node { node *next; node *other; node *parent RC_BORROWED_FIELD; }, with
 * node_type tracked or not; the dealloc/traverse are defined elsewhere. */
static void node_types(struct irb *b, bool tracked)
{
	cb_declare_runtime(b);
	uint32_t node = cb_record(b, "node", true);
	cb_field(b, node, "next", cb_ptr(b, "node"), 0, NULL);
	cb_field(b, node, "other", cb_ptr(b, "node"), 0, NULL);
	cb_field(b, node, "parent", cb_ptr(b, "node"), 0, "rc:borrowed_field");
	cb_rc_type(b, "node_type", "node", "node_dealloc", tracked ? "node_traverse" : NULL, NULL);
}

/* v = rc_new_at(&node_type, …); if (!v) return; */
static uint32_t new_node(struct irb *b, const char *name)
{
	uint32_t v = irb_var(b, name, cb_ptr(b, "node"), IR_VAR_LOCAL);
	irb_call(b, V(b, v), "rc_new_at", ADDR(b, GLOBAL(b, "node_type")), STR(b, "t.c"),
	         INT(b, 1), STR(b, "f"), NULL);
	uint32_t fail = irb_block(b), ok = irb_block(b);
	irb_branch(b, NOT(b, V(b, v)), fail, ok);
	irb_at(b, fail);
	irb_ret(b, NULL);
	irb_at(b, ok);
	return v;
}

/* dst->field = src; returns the line. */
static uint32_t store(struct irb *b, uint32_t dst, const char *field, uint32_t src)
{
	irb_assign(b, FIELD(b, V(b, dst), field, cb_ptr(b, "node")), V(b, src));
	return b->line - 1;
}

static void run_engine(struct irb *b, struct cycle_run *r)
{
	cycle_load(r, NULL);
	r->mt = model_tu_new(r->m, b->tu);
	r->cm = cycle_model_new(b->tu, r->mt);
	finding_list_init(&r->out);
	const struct check *checks[] = { &check_cycle_created };
	struct engine_options opt = { .checks = checks, .nchecks = 1, .cycles = r->cm };
	engine_default_limits(&opt.limits);
	struct engine_fn_result res;
	for (uint32_t i = 0; i < b->tu->nfuncs; i++)
		cr_assert_eq(engine_run(&opt, b->tu, &b->tu->funcs[i], r->mt, &r->out, &res), 0);
}


Test(cycle_created, two_untracked_nodes)
{
	struct irb b;
	irb_init(&b);
	node_types(&b, false);
	irb_func(&b, "make_pair", b.v);
	uint32_t x = new_node(&b, "a"), y = new_node(&b, "b");
	uint32_t first = store(&b, x, "next", y);
	uint32_t closing = store(&b, y, "next", x);
	irb_ret(&b, NULL);
	struct cycle_run r;
	run_engine(&b, &r);
	cycle_expect_one(&r, RULE_CYCLE_CREATED, closing);
	const struct finding *f = r.out.items[0];
	cr_assert(strstr(f->message, "'a' -> 'b' -> 'a'"), "%s", f->message);
	cr_assert(strstr(f->message, "node_type"), "%s", f->message);
	cr_assert(cb_has_step_at(f, first), "a note at the other store");
	cr_assert_eq(f->steps[f->nsteps - 1].kind, STEP_EVENT);
	cycle_done(&b, &r);
}

Test(cycle_created, tracked_nodes_are_clean)
{
	struct irb b;
	irb_init(&b);
	node_types(&b, true);
	irb_func(&b, "make_pair", b.v);
	uint32_t x = new_node(&b, "a"), y = new_node(&b, "b");
	store(&b, x, "next", y);
	store(&b, y, "next", x);
	store(&b, x, "other", x);
	irb_ret(&b, NULL);
	struct cycle_run r;
	run_engine(&b, &r);
	cycle_expect_clean(&r);
	cycle_done(&b, &r);
}

Test(cycle_created, self_and_three_cycles)
{
	struct irb b;
	irb_init(&b);
	node_types(&b, false);
	irb_func(&b, "make", b.v);
	uint32_t x = new_node(&b, "a"), y = new_node(&b, "b"), z = new_node(&b, "c");
	uint32_t self = store(&b, x, "other", x);
	uint32_t l1 = store(&b, x, "next", y);
	uint32_t l2 = store(&b, y, "next", z);
	uint32_t closing = store(&b, z, "next", x);
	irb_ret(&b, NULL);
	struct cycle_run r;
	run_engine(&b, &r);
	int rules[] = { RULE_CYCLE_CREATED, RULE_CYCLE_CREATED };
	uint32_t lines[] = { self, closing };
	cycle_expect(&r, 2, rules, lines);
	for (uint32_t i = 0; i < r.out.n; i++) {
		const struct finding *f = r.out.items[i];
		if (f->loc.line == closing) {
			cr_assert(cb_has_step_at(f, l1) && cb_has_step_at(f, l2));
			cr_assert(strstr(f->message, "'a' -> 'b' -> 'c' -> 'a'"), "%s", f->message);
		} else {
			cr_assert(strstr(f->message, "itself"), "%s", f->message);
		}
	}
	cycle_done(&b, &r);
}

/* A borrowed back-pointer is no link; an overwritten field no longer owns. */
Test(cycle_created, borrowed_and_overwritten_links)
{
	struct irb b;
	irb_init(&b);
	node_types(&b, false);
	irb_func(&b, "make", b.v);
	uint32_t x = new_node(&b, "a"), y = new_node(&b, "b"), z = new_node(&b, "c");
	store(&b, x, "next", y);
	store(&b, y, "parent", x);
	store(&b, x, "next", z);
	store(&b, y, "next", x);
	irb_ret(&b, NULL);
	struct cycle_run r;
	run_engine(&b, &r);
	cycle_expect_clean(&r);
	cycle_done(&b, &r);
}

/* void link(node *a, node *b) { a->next = b; b->next = a; } */
Test(cycle_created, types_from_parameters)
{
	struct irb b;
	irb_init(&b);
	node_types(&b, false);
	irb_func(&b, "link", b.v);
	uint32_t x = irb_var(&b, "a", cb_ptr(&b, "node"), IR_VAR_PARAM);
	uint32_t y = irb_var(&b, "b", cb_ptr(&b, "node"), IR_VAR_PARAM);
	store(&b, x, "next", y);
	uint32_t closing = store(&b, y, "next", x);
	irb_ret(&b, NULL);
	struct cycle_run r;
	run_engine(&b, &r);
	cycle_expect_one(&r, RULE_CYCLE_CREATED, closing);
	cycle_done(&b, &r);
}

/* Generic objects of unknown type: silence. */
Test(cycle_created, unknown_types_are_silent)
{
	struct irb b;
	irb_init(&b);
	node_types(&b, false);
	uint32_t box = cb_record(&b, "box", true);
	cb_field(&b, box, "v", b.obj, 0, NULL);
	irb_func(&b, "link", b.v);
	uint32_t x = irb_var(&b, "x", b.obj, IR_VAR_PARAM);
	uint32_t y = irb_var(&b, "y", b.obj, IR_VAR_PARAM);
	irb_assign(&b, FIELD(&b, V(&b, x), "v", b.obj), V(&b, y));
	irb_assign(&b, FIELD(&b, V(&b, y), "v", b.obj), V(&b, x));
	irb_ret(&b, NULL);
	struct cycle_run r;
	run_engine(&b, &r);
	cycle_expect_clean(&r);
	cycle_done(&b, &r);
}

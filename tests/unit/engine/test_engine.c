/*
 * test_engine.c — the ownership engine and the checks on IR built by hand
 * (no libclang): state transitions, merges, forks of conditional steals,
 * budgets, and where each finding stands.
 */
#include <criterion/criterion.h>

#include "checks/check.h"
#include "engine/engine.h"
#include "model/model.h"
#include "ir_build.h"

#include <stdio.h>

struct run {
	struct model *m;
	struct model_tu *mt;
	struct finding_list out;
	struct engine_fn_result res;
};

/* The runtime's API as its annotations describe it. */
static void declare_runtime(struct irb *b)
{
	irb_decl(b, "rc_list_new", b->obj, "rc:returns_new", "rc:may_fail", NULL);
	irb_decl(b, "rc_int_new", b->obj, "rc:returns_new", "rc:may_fail", NULL);
	irb_decl(b, "rc_list_get", b->obj, "rc:returns_borrowed", "rc:may_fail", NULL);
	irb_decl(b, "rc_list_append", b->i, "rc:may_fail", NULL);
	irb_decl(b, "rc_list_set", b->i, "rc:may_fail", "rc:steals(3)", NULL);
	irb_decl(b, "rc_add_object", b->i, "rc:may_fail", "rc:steals_on_success(3)", NULL);
	irb_decl(b, "rc_incref_at", b->v, "rc:incref", NULL);
	irb_decl(b, "rc_decref_at", b->v, "rc:decref", NULL);
	irb_decl(b, "rc_xdecref_at", b->v, "rc:xdecref", NULL);
	irb_decl(b, "rc_call", b->obj, "rc:returns_new", "rc:may_fail", "rc:runs_code", NULL);
	irb_decl(b, "rc_fetch", b->i, "rc:may_fail", "rc:out_new(1)", NULL);
}

static void run_fn(struct irb *b, struct run *r)
{
	r->m = model_new();
	r->mt = model_tu_new(r->m, b->tu);
	finding_list_init(&r->out);
	const struct check *const *checks;
	uint32_t n = check_registry(&checks);
	struct engine_options opt = { .checks = checks, .nchecks = n };
	engine_default_limits(&opt.limits);
	cr_assert_eq(engine_run(&opt, b->tu, b->fn, r->mt, &r->out, &r->res), 0);
}

static void run_done(struct irb *b, struct run *r)
{
	finding_list_dispose(&r->out);
	model_tu_free(r->mt);
	model_free(r->m);
	ir_tu_free(b->tu);
}

/* Assert exactly the listed (rule, line) findings, in any order. */
static void expect(struct run *r, uint32_t n, const int *rules, const uint32_t *lines)
{
	char got[1024] = "";
	size_t len = 0;
	for (uint32_t i = 0; i < r->out.n; i++)
		len += (size_t)snprintf(got + len, sizeof(got) - len, " [%s@%u: %s]",
		                        rule_name(r->out.items[i]->rule), r->out.items[i]->loc.line,
		                        r->out.items[i]->message);
	cr_assert_eq(r->out.n, n, "expected %u findings, got %u:%s", n, r->out.n, got);
	for (uint32_t k = 0; k < n; k++) {
		bool found = false;
		for (uint32_t i = 0; i < r->out.n; i++)
			found |= r->out.items[i]->rule == rules[k] && r->out.items[i]->loc.line == lines[k];
		cr_assert(found, "missing %s at line %u; got:%s", rule_name(rules[k]), lines[k], got);
	}
}

static void expect_clean(struct run *r)
{
	expect(r, 0, NULL, NULL);
}

static void expect_one(struct run *r, int rule, uint32_t line)
{
	expect(r, 1, &rule, &line);
}

/* x = rc_list_new(0); if (!x) return NULL; if (flag) return NULL; return x; */
Test(engine, leak_on_early_return)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.obj);                                   /* line 10 */
	uint32_t flag = irb_var(&b, "flag", b.i, IR_VAR_PARAM);
	uint32_t x = irb_var(&b, "x", b.obj, IR_VAR_LOCAL);
	uint32_t fail = irb_block(&b), next = irb_block(&b), early = irb_block(&b), ok = irb_block(&b);
	irb_call(&b, V(&b, x), "rc_list_new", INT(&b, 0), NULL);     /* 11 */
	irb_branch(&b, NOT(&b, V(&b, x)), fail, next);               /* 12 */
	irb_at(&b, fail);
	irb_ret(&b, NUL(&b));                                        /* 13 */
	irb_at(&b, next);
	irb_branch(&b, V(&b, flag), early, ok);                      /* 14 */
	irb_at(&b, early);
	irb_ret(&b, NUL(&b));                                        /* 15: leak */
	irb_at(&b, ok);
	irb_ret(&b, V(&b, x));                                       /* 16 */
	struct run r;
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_LEAK, 15);
	/* The path: acquisition, the branches taken, the event. */
	const struct finding *f = r.out.items[0];
	cr_assert_geq(f->nsteps, 3);
	cr_assert_eq(f->steps[0].kind, STEP_ACQUIRE);
	cr_assert_eq(f->steps[0].loc.line, 11);
	cr_assert(f->has_related);
	cr_assert_eq(f->steps[f->nsteps - 1].kind, STEP_EVENT);
	/* It returns new references, or NULL. */
	cr_assert_eq(r.res.inferred.returns, MODEL_RET_NEW);
	cr_assert_eq(r.res.inferred.fails, MODEL_FAILS_NULL);
	run_done(&b, &r);
}

/* x = new; if (!x) return -1; rc_decref(x); rc_decref(x); return 0; */
Test(engine, double_release)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.i);
	uint32_t x = irb_var(&b, "x", b.obj, IR_VAR_LOCAL);
	uint32_t fail = irb_block(&b), ok = irb_block(&b);
	irb_call(&b, V(&b, x), "rc_int_new", INT(&b, 1), NULL);      /* 11 */
	irb_branch(&b, CMP(&b, IR_OP_EQ, V(&b, x), NUL(&b)), fail, ok); /* 12 */
	irb_at(&b, fail);
	irb_ret(&b, INT(&b, -1));                                    /* 13 */
	irb_at(&b, ok);
	irb_call(&b, NULL, "rc_decref_at", V(&b, x), NULL);          /* 14 */
	irb_call(&b, NULL, "rc_decref_at", V(&b, x), NULL);          /* 15 */
	irb_ret(&b, INT(&b, 0));                                     /* 16 */
	struct run r;
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_OVER_RELEASE, 15);
	cr_assert_eq(r.res.inferred.fails, MODEL_FAILS_NEGATIVE);
	run_done(&b, &r);
}

/* item = rc_list_get(list, 0) (borrowed); rc_decref(item); */
Test(engine, borrowed_released)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.v);
	uint32_t list = irb_var(&b, "list", b.obj, IR_VAR_PARAM);
	uint32_t item = irb_var(&b, "item", b.obj, IR_VAR_LOCAL);
	uint32_t fail = irb_block(&b), ok = irb_block(&b);
	irb_call(&b, V(&b, item), "rc_list_get", V(&b, list), INT(&b, 0), NULL); /* 11 */
	irb_branch(&b, NOT(&b, V(&b, item)), fail, ok);               /* 12 */
	irb_at(&b, fail);
	irb_ret(&b, NULL);                                           /* 13 */
	irb_at(&b, ok);
	irb_call(&b, NULL, "rc_decref_at", V(&b, item), NULL);       /* 14 */
	irb_ret(&b, NULL);                                           /* 15 */
	struct run r;
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_OVER_RELEASE, 14);
	run_done(&b, &r);
}

/* x = new; if (!x) return; rc_decref(x); v = x->field; */
Test(engine, use_after_release)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.v);
	uint32_t x = irb_var(&b, "x", b.obj, IR_VAR_LOCAL);
	uint32_t n = irb_var(&b, "n", b.i, IR_VAR_LOCAL);
	uint32_t fail = irb_block(&b), ok = irb_block(&b);
	irb_call(&b, V(&b, x), "rc_list_new", INT(&b, 0), NULL);     /* 11 */
	irb_branch(&b, NOT(&b, V(&b, x)), fail, ok);                  /* 12 */
	irb_at(&b, fail);
	irb_ret(&b, NULL);                                           /* 13 */
	irb_at(&b, ok);
	irb_call(&b, NULL, "rc_decref_at", V(&b, x), NULL);          /* 14 */
	irb_assign(&b, V(&b, n), FIELD(&b, V(&b, x), "size", b.i));  /* 15 */
	irb_ret(&b, NULL);                                           /* 16 */
	struct run r;
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_USE_AFTER_RELEASE, 15);
	run_done(&b, &r);
}

/* rc_list_set(list, 0, param): steals a borrowed parameter. With an incref
 * before or after the call, it is fine. */
static void build_steal(struct irb *b, int incref_where)
{
	irb_init(b);
	declare_runtime(b);
	irb_func(b, "f", b->i);
	uint32_t list = irb_var(b, "list", b->obj, IR_VAR_PARAM);
	uint32_t item = irb_var(b, "item", b->obj, IR_VAR_PARAM);
	uint32_t rc = irb_var(b, "rc", b->i, IR_VAR_LOCAL);
	if (incref_where == 1)
		irb_call(b, NULL, "rc_incref_at", V(b, item), NULL);
	irb_call(b, V(b, rc), "rc_list_set", V(b, list), INT(b, 0), V(b, item), NULL);
	if (incref_where == 2)
		irb_call(b, NULL, "rc_incref_at", V(b, item), NULL);
	irb_ret(b, V(b, rc));
}

Test(engine, steal_borrowed_param)
{
	struct irb b;
	build_steal(&b, 0);
	struct run r;
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_STEAL_BORROWED, 11);
	run_done(&b, &r);
}

Test(engine, steal_after_incref_is_clean)
{
	for (int where = 1; where <= 2; where++) {
		struct irb b;
		build_steal(&b, where);
		struct run r;
		run_fn(&b, &r);
		expect_clean(&r);
		run_done(&b, &r);
	}
}

/* x = rc_list_new(0); n = x->size;  (no check) */
Test(engine, unchecked_null)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.v);
	uint32_t x = irb_var(&b, "x", b.obj, IR_VAR_LOCAL);
	uint32_t n = irb_var(&b, "n", b.i, IR_VAR_LOCAL);
	irb_call(&b, V(&b, x), "rc_list_new", INT(&b, 0), NULL);     /* 11 */
	irb_assign(&b, V(&b, n), FIELD(&b, V(&b, x), "size", b.i));  /* 12 */
	irb_call(&b, NULL, "rc_decref_at", V(&b, x), NULL);          /* 13 */
	irb_ret(&b, NULL);                                           /* 14 */
	struct run r;
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_UNCHECKED_NULL, 12);
	run_done(&b, &r);
}

/* self->items = rc_list_new(0): the field owns it, no leak. */
Test(engine, field_store_hands_over)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.i);
	uint32_t self = irb_var(&b, "self", b.obj, IR_VAR_PARAM);
	uint32_t t = irb_var(&b, "t1", b.obj, IR_VAR_TEMP);
	uint32_t fail = irb_block(&b), ok = irb_block(&b);
	irb_call(&b, V(&b, t), "rc_list_new", INT(&b, 0), NULL);
	irb_assign(&b, FIELD(&b, V(&b, self), "items", b.obj), V(&b, t));
	irb_branch(&b, NOT(&b, FIELD(&b, V(&b, self), "items", b.obj)), fail, ok);
	irb_at(&b, fail);
	irb_ret(&b, INT(&b, -1));
	irb_at(&b, ok);
	irb_ret(&b, INT(&b, 0));
	struct run r;
	run_fn(&b, &r);
	expect_clean(&r);
	run_done(&b, &r);
}

/* rc_list_append(list, rc_int_new(1)): the temporary's reference is lost
 * at the append. */
Test(engine, discarded_temporary_leaks_at_call)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.v);
	uint32_t list = irb_var(&b, "list", b.obj, IR_VAR_PARAM);
	uint32_t t = irb_var(&b, "t1", b.obj, IR_VAR_TEMP);
	irb_call(&b, V(&b, t), "rc_int_new", INT(&b, 1), NULL);      /* 11 */
	irb_call(&b, NULL, "rc_list_append", V(&b, list), V(&b, t), NULL); /* 12 */
	irb_ret(&b, NULL);                                           /* 13 */
	struct run r;
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_LEAK, 12);
	run_done(&b, &r);
}

/* A result dropped on the floor leaks at its call. */
Test(engine, discarded_result_leaks)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.v);
	irb_call(&b, NULL, "rc_int_new", INT(&b, 1), NULL);          /* 11 */
	irb_ret(&b, NULL);
	struct run r;
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_LEAK, 11);
	run_done(&b, &r);
}

/* x = new; x = new; the first is lost at the overwrite. */
Test(engine, overwrite_leaks)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.v);
	uint32_t x = irb_var(&b, "x", b.obj, IR_VAR_LOCAL);
	irb_call(&b, V(&b, x), "rc_int_new", INT(&b, 1), NULL);      /* 11 */
	irb_call(&b, V(&b, x), "rc_int_new", INT(&b, 2), NULL);      /* 12 */
	irb_call(&b, NULL, "rc_xdecref_at", V(&b, x), NULL);         /* 13 */
	irb_ret(&b, NULL);
	struct run r;
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_LEAK, 12);
	run_done(&b, &r);
}

/* if (flag) return param; return rc_int_new(1); */
Test(engine, mixed_returns_borrowed)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.obj);
	uint32_t p = irb_var(&b, "dflt", b.obj, IR_VAR_PARAM);
	uint32_t flag = irb_var(&b, "flag", b.i, IR_VAR_PARAM);
	uint32_t t = irb_var(&b, "t1", b.obj, IR_VAR_TEMP);
	uint32_t yes = irb_block(&b), no = irb_block(&b);
	irb_branch(&b, V(&b, flag), yes, no);                        /* 11 */
	irb_at(&b, yes);
	irb_ret(&b, V(&b, p));                                       /* 12 */
	irb_at(&b, no);
	irb_call(&b, V(&b, t), "rc_int_new", INT(&b, 1), NULL);      /* 13 */
	irb_ret(&b, V(&b, t));                                       /* 14 */
	struct run r;
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_RETURN_BORROWED, 12);
	run_done(&b, &r);
}

/* A function that only returns borrowed references is a borrowed getter. */
Test(engine, borrowed_getter_inferred)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "first", b.obj);
	uint32_t self = irb_var(&b, "self", b.obj, IR_VAR_PARAM);
	irb_ret(&b, FIELD(&b, V(&b, self), "first", b.obj));
	struct run r;
	run_fn(&b, &r);
	expect_clean(&r);
	cr_assert_eq(r.res.inferred.returns, MODEL_RET_BORROWED);
	run_done(&b, &r);
}

/* rc = rc_add_object(m, "x", o): steals o only on success.
 *   if (rc < 0) { [release o] return -1; } return 0; */
static void build_add(struct irb *b, bool release_on_failure)
{
	irb_init(b);
	declare_runtime(b);
	irb_func(b, "f", b->i);
	uint32_t m = irb_var(b, "m", b->obj, IR_VAR_PARAM);
	uint32_t o = irb_var(b, "o", b->obj, IR_VAR_LOCAL);
	uint32_t rc = irb_var(b, "rc", b->i, IR_VAR_LOCAL);
	uint32_t nomem = irb_block(b), got = irb_block(b), fail = irb_block(b), ok = irb_block(b);
	irb_call(b, V(b, o), "rc_int_new", INT(b, 1), NULL);          /* 11 */
	irb_branch(b, NOT(b, V(b, o)), nomem, got);                   /* 12 */
	irb_at(b, nomem);
	irb_ret(b, INT(b, -1));                                      /* 13 */
	irb_at(b, got);
	irb_call(b, V(b, rc), "rc_add_object", V(b, m), STR(b, "x"), V(b, o), NULL); /* 14 */
	irb_branch(b, CMP(b, IR_OP_LT, V(b, rc), INT(b, 0)), fail, ok); /* 15 */
	irb_at(b, fail);
	if (release_on_failure)
		irb_call(b, NULL, "rc_decref_at", V(b, o), NULL);        /* 16 */
	irb_ret(b, INT(b, -1));                                      /* 16 or 17 */
	irb_at(b, ok);
	irb_ret(b, INT(b, 0));
}

Test(engine, steal_on_success_both_outcomes)
{
	struct irb b;
	build_add(&b, true);
	struct run r;
	run_fn(&b, &r);
	expect_clean(&r);
	run_done(&b, &r);

	build_add(&b, false);
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_LEAK, 16);
	run_done(&b, &r);
}

/* item = rc_list_get(list, 0) with list owned; rc_decref(list); item->x */
Test(engine, dangling_after_owner_released)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.i);
	uint32_t list = irb_var(&b, "list", b.obj, IR_VAR_LOCAL);
	uint32_t item = irb_var(&b, "item", b.obj, IR_VAR_LOCAL);
	uint32_t n = irb_var(&b, "n", b.i, IR_VAR_LOCAL);
	uint32_t fail = irb_block(&b), ok = irb_block(&b), fail2 = irb_block(&b), ok2 = irb_block(&b);
	irb_call(&b, V(&b, list), "rc_list_new", INT(&b, 0), NULL);  /* 11 */
	irb_branch(&b, NOT(&b, V(&b, list)), fail, ok);               /* 12 */
	irb_at(&b, fail);
	irb_ret(&b, INT(&b, -1));                                    /* 13 */
	irb_at(&b, ok);
	irb_call(&b, V(&b, item), "rc_list_get", V(&b, list), INT(&b, 0), NULL); /* 14 */
	irb_branch(&b, NOT(&b, V(&b, item)), fail2, ok2);             /* 15 */
	irb_at(&b, fail2);
	irb_call(&b, NULL, "rc_decref_at", V(&b, list), NULL);       /* 16 */
	irb_ret(&b, INT(&b, -1));                                    /* 17 */
	irb_at(&b, ok2);
	irb_call(&b, NULL, "rc_decref_at", V(&b, list), NULL);       /* 18 */
	irb_assign(&b, V(&b, n), FIELD(&b, V(&b, item), "value", b.i)); /* 19 */
	irb_ret(&b, V(&b, n));                                       /* 20 */
	struct run r;
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_DANGLING_BORROWED, 19);
	run_done(&b, &r);
}

/* A call that may run code invalidates borrowed items. */
Test(engine, dangling_after_runs_code)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.v);
	uint32_t list = irb_var(&b, "list", b.obj, IR_VAR_PARAM);
	uint32_t item = irb_var(&b, "item", b.obj, IR_VAR_LOCAL);
	uint32_t res = irb_var(&b, "res", b.obj, IR_VAR_LOCAL);
	uint32_t fail = irb_block(&b), ok = irb_block(&b);
	irb_call(&b, V(&b, item), "rc_list_get", V(&b, list), INT(&b, 0), NULL); /* 11 */
	irb_branch(&b, NOT(&b, V(&b, item)), fail, ok);               /* 12 */
	irb_at(&b, fail);
	irb_ret(&b, NULL);                                           /* 13 */
	irb_at(&b, ok);
	irb_call(&b, V(&b, res), "rc_call", V(&b, list), NULL);      /* 14 */
	irb_call(&b, NULL, "rc_xdecref_at", V(&b, res), NULL);       /* 15 */
	irb_call(&b, NULL, "rc_incref_at", V(&b, item), NULL);       /* 16 */
	irb_call(&b, NULL, "rc_decref_at", V(&b, item), NULL);       /* 17 */
	irb_ret(&b, NULL);
	struct run r;
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_DANGLING_BORROWED, 16);
	run_done(&b, &r);
}

/* if (flag) x = new; ...; if (flag) rc_decref(x); — correlated branches. */
Test(engine, correlated_branches_clean)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.v);
	uint32_t flag = irb_var(&b, "flag", b.i, IR_VAR_PARAM);
	uint32_t x = irb_var(&b, "x", b.obj, IR_VAR_LOCAL);
	uint32_t mk = irb_block(&b), mid = irb_block(&b), rel = irb_block(&b), end = irb_block(&b);
	irb_assign(&b, V(&b, x), NUL(&b));
	irb_branch(&b, V(&b, flag), mk, mid);
	irb_at(&b, mk);
	irb_call(&b, V(&b, x), "rc_int_new", INT(&b, 1), NULL);
	irb_goto(&b, mid);
	irb_at(&b, mid);
	irb_branch(&b, V(&b, flag), rel, end);
	irb_at(&b, rel);
	irb_call(&b, NULL, "rc_xdecref_at", V(&b, x), NULL);
	irb_goto(&b, end);
	irb_at(&b, end);
	irb_ret(&b, NULL);
	struct run r;
	run_fn(&b, &r);
	expect_clean(&r);
	run_done(&b, &r);
}

/* An out-parameter receiving a new reference must be released. */
Test(engine, out_param_new_reference)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.i);
	uint32_t o = irb_var(&b, "o", b.obj, IR_VAR_LOCAL);
	uint32_t rc = irb_var(&b, "rc", b.i, IR_VAR_LOCAL);
	uint32_t fail = irb_block(&b), ok = irb_block(&b);
	irb_call(&b, V(&b, rc), "rc_fetch", ADDR(&b, V(&b, o)), NULL);  /* 11 */
	irb_branch(&b, CMP(&b, IR_OP_LT, V(&b, rc), INT(&b, 0)), fail, ok); /* 12 */
	irb_at(&b, fail);
	irb_ret(&b, INT(&b, -1));                                       /* 13: failure, nothing owned */
	irb_at(&b, ok);
	irb_ret(&b, INT(&b, 0));                                        /* 14: leak of o */
	struct run r;
	run_fn(&b, &r);
	expect_one(&r, RULE_REFCOUNT_LEAK, 14);
	run_done(&b, &r);
}

/* A loop that appends new items and releases them merges to a fixed
 * point, and is clean. */
Test(engine, loop_building_a_list)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.i);
	uint32_t list = irb_var(&b, "list", b.obj, IR_VAR_PARAM);
	uint32_t n = irb_var(&b, "n", b.i, IR_VAR_PARAM);
	uint32_t i = irb_var(&b, "i", b.i, IR_VAR_LOCAL);
	uint32_t x = irb_var(&b, "x", b.obj, IR_VAR_LOCAL);
	uint32_t rc = irb_var(&b, "rc", b.i, IR_VAR_LOCAL);
	uint32_t head = irb_block(&b), body = irb_block(&b), got = irb_block(&b), err = irb_block(&b),
	         err2 = irb_block(&b), step = irb_block(&b), done = irb_block(&b);
	irb_assign(&b, V(&b, i), INT(&b, 0));
	irb_goto(&b, head);
	irb_at(&b, head);
	irb_branch(&b, CMP(&b, IR_OP_LT, V(&b, i), V(&b, n)), body, done);
	irb_at(&b, body);
	irb_call(&b, V(&b, x), "rc_int_new", V(&b, i), NULL);
	irb_branch(&b, NOT(&b, V(&b, x)), err, got);
	irb_at(&b, err);
	irb_ret(&b, INT(&b, -1));
	irb_at(&b, got);
	irb_call(&b, V(&b, rc), "rc_list_append", V(&b, list), V(&b, x), NULL);
	irb_call(&b, NULL, "rc_decref_at", V(&b, x), NULL);
	irb_branch(&b, CMP(&b, IR_OP_LT, V(&b, rc), INT(&b, 0)), err2, step);
	irb_at(&b, err2);
	irb_ret(&b, INT(&b, -1));
	irb_at(&b, step);
	irb_assign(&b, V(&b, i), ir_expr_binary(b.tu, IR_E_BINOP, IR_OP_ADD, V(&b, i), INT(&b, 1), b.i));
	irb_goto(&b, head);
	irb_at(&b, done);
	irb_ret(&b, INT(&b, 0));
	struct run r;
	run_fn(&b, &r);
	expect_clean(&r);
	cr_assert_not(r.res.partial);
	run_done(&b, &r);
}

/* 40 independent choices that each leave a different state of objects
 * (x_k owned or NULL): far more paths than the budget, and widening does
 * not merge them (it forgets integers, not objects). The function is
 * reported partial. */
Test(engine, budget_marks_partial)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.v);
	uint32_t flag = irb_var(&b, "flag", b.obj, IR_VAR_PARAM);
	for (int k = 0; k < 40; k++) {
		char name[16];
		snprintf(name, sizeof(name), "x%d", k);
		uint32_t v = irb_var(&b, name, b.obj, IR_VAR_LOCAL);
		uint32_t a = irb_block(&b), c = irb_block(&b), j = irb_block(&b);
		snprintf(name, sizeof(name), "f%d", k);
		/* A distinct field per choice: no two conditions are the same load. */
		irb_branch(&b, FIELD(&b, V(&b, flag), name, b.i), a, c);
		irb_at(&b, a);
		irb_call(&b, V(&b, v), "rc_int_new", INT(&b, k), NULL);
		irb_goto(&b, j);
		irb_at(&b, c);
		irb_assign(&b, V(&b, v), NUL(&b));
		irb_goto(&b, j);
		irb_at(&b, j);
	}
	irb_ret(&b, NULL);
	struct run r;
	run_fn(&b, &r);
	cr_assert(r.res.partial, "a function with 2^40 distinct object states must exhaust the budget");
	cr_assert_not_null(r.res.partial_reason);
	run_done(&b, &r);
}

/* The same shape with integers only (v_k = 1 or 2): widening at crowded
 * blocks forgets the integers, the states merge, and the function is
 * analysed completely. */
Test(engine, widening_merges_integer_states)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "f", b.v);
	uint32_t flag = irb_var(&b, "flag", b.obj, IR_VAR_PARAM);
	uint32_t x = irb_var(&b, "x", b.obj, IR_VAR_LOCAL);
	irb_call(&b, V(&b, x), "rc_int_new", INT(&b, 0), NULL);
	for (int k = 0; k < 40; k++) {
		char name[16];
		snprintf(name, sizeof(name), "v%d", k);
		uint32_t v = irb_var(&b, name, b.i, IR_VAR_LOCAL);
		uint32_t a = irb_block(&b), c = irb_block(&b), j = irb_block(&b);
		snprintf(name, sizeof(name), "f%d", k);
		irb_branch(&b, FIELD(&b, V(&b, flag), name, b.i), a, c);
		irb_at(&b, a);
		irb_assign(&b, V(&b, v), INT(&b, 1));
		irb_goto(&b, j);
		irb_at(&b, c);
		irb_assign(&b, V(&b, v), INT(&b, 2));
		irb_goto(&b, j);
		irb_at(&b, j);
	}
	irb_call(&b, NULL, "rc_xdecref_at", V(&b, x), NULL);
	irb_ret(&b, NULL);
	struct run r;
	run_fn(&b, &r);
	cr_assert_not(r.res.partial, "integer-only differences must merge (steps %u)", r.res.steps);
	expect_clean(&r);
	run_done(&b, &r);
}

/* The registry knows every check, and every rule but the type-level ones
 * has a check that emits it. */
Test(registry, every_rule_has_a_check)
{
	const struct check *const *checks;
	uint32_t n = check_registry(&checks);
	cr_assert_geq(n, 7);
	static const int flow_rules[] = {
		RULE_REFCOUNT_LEAK, RULE_REFCOUNT_OVER_RELEASE, RULE_REFCOUNT_USE_AFTER_RELEASE,
		RULE_REFCOUNT_RETURN_BORROWED, RULE_REFCOUNT_DANGLING_BORROWED,
		RULE_REFCOUNT_STEAL_BORROWED, RULE_REFCOUNT_UNCHECKED_NULL,
	};
	for (size_t k = 0; k < sizeof(flow_rules) / sizeof(flow_rules[0]); k++) {
		bool found = false;
		for (uint32_t i = 0; i < n; i++)
			found |= check_has_rule(checks[i], flow_rules[k]);
		cr_assert(found, "no check emits %s", rule_name(flow_rules[k]));
	}
	for (uint32_t i = 0; i < n; i++)
		for (uint32_t k = 0; k < checks[i]->nrules; k++)
			cr_assert_lt(checks[i]->rules[k], RULE__COUNT);
	cr_assert_eq(check_find("over-release"), &check_over_release);
	cr_assert_null(check_find("no-such-check"));
}

/* From the current block: x = new; if (!x) return -1; *out = x; return 0; */
static void build_make_body(struct irb *b, uint32_t out, uint32_t x)
{
	uint32_t fail = irb_block(b), ok = irb_block(b);
	irb_call(b, V(b, x), "rc_int_new", INT(b, 1), NULL);
	irb_branch(b, NOT(b, V(b, x)), fail, ok);
	irb_at(b, fail);
	irb_ret(b, INT(b, -1));
	irb_at(b, ok);
	irb_assign(b, ir_expr_unary(b->tu, IR_E_DEREF, IR_OP_NONE, V(b, out), b->obj), V(b, x));
	irb_ret(b, INT(b, 0));
}

/* static int make(rc_object **out) { x = new; if (!x) return -1; *out = x; return 0; }
 * The summary says: new reference through out on success, -1 on failure. */
Test(engine, out_param_inferred)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "make", b.i);
	uint32_t out = irb_var(&b, "out", b.obj2, IR_VAR_PARAM);
	uint32_t x = irb_var(&b, "x", b.obj, IR_VAR_LOCAL);
	build_make_body(&b, out, x);
	struct run r;
	run_fn(&b, &r);
	expect_clean(&r);
	cr_assert_eq(r.res.inferred.out_new, 1u);
	cr_assert_eq(r.res.inferred.fails, MODEL_FAILS_NEGATIVE);
	run_done(&b, &r);
}

/* static int make_div(long d, rc_object **out)
 * { if (d == 0) return -1; x = new; if (!x) return -1; *out = x; return 0; }
 * Every success has d != 0 (and out dereferenced): a zero d can only fail. */
Test(engine, success_needs_nonzero_inferred)
{
	struct irb b;
	irb_init(&b);
	declare_runtime(&b);
	irb_func(&b, "make_div", b.i);
	uint32_t d = irb_var(&b, "d", b.i, IR_VAR_PARAM);
	uint32_t out = irb_var(&b, "out", b.obj2, IR_VAR_PARAM);
	uint32_t x = irb_var(&b, "x", b.obj, IR_VAR_LOCAL);
	uint32_t zero = irb_block(&b), go = irb_block(&b);
	irb_branch(&b, CMP(&b, IR_OP_EQ, V(&b, d), INT(&b, 0)), zero, go);
	irb_at(&b, zero);
	irb_ret(&b, INT(&b, -1));
	irb_at(&b, go);
	build_make_body(&b, out, x);
	struct run r;
	run_fn(&b, &r);
	expect_clean(&r);
	cr_assert_eq(r.res.inferred.out_new, 1u << 1);
	cr_assert(r.res.inferred.success_needs_nonzero & 1u, "d is non-zero on every success");
	run_done(&b, &r);
}

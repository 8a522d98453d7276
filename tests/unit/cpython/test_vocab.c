/*
 * test_vocab.c — the pack vocabulary CPython needed, in the engine, with
 * rules/cpython.json loaded, on IR built by hand (DESIGN §1):
 *  - "returns": "null": an error setter's result is NULL, never a reference;
 *  - "fails": "zero": PyArg_ParseTuple is 0 on failure, its "O" targets are
 *    set only on success, and they are stable (borrowed from the argument
 *    tuple, which no code run by a later call can change);
 *  - "returns": "field": Py_TYPE reads a reference the object holds, which
 *    a heap type's dealloc releases (no over-release);
 *  - "stable" against its control: a list item is invalidated by a call
 *    that runs code, a tuple item is not.
 */
#include <criterion/criterion.h>

#include "checks/check.h"
#include "engine/engine.h"
#include "model/model.h"
#include "ir_build.h"

#include <stdio.h>
#include <string.h>

struct run {
	struct model *m;
	struct model_tu *mt;
	struct finding_list out;
	struct engine_fn_result res;
};

static void run_fn(struct irb *b, struct run *r)
{
	struct err e = { 0 };
	r->m = model_new();
	cr_assert_eq(model_load_pack(r->m, REFCHECK_RULES_DIR "/cpython.json", &e), 0, "%s", e.msg);
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

static void expect_findings(struct run *r, uint32_t n, int rule, uint32_t line)
{
	char got[1024] = "";
	size_t len = 0;
	for (uint32_t i = 0; i < r->out.n && len < sizeof(got); i++)
		len += (size_t)snprintf(got + len, sizeof(got) - len, " [%s@%u: %s]",
		                        rule_name(r->out.items[i]->rule), r->out.items[i]->loc.line,
		                        r->out.items[i]->message);
	cr_assert_eq(r->out.n, n, "expected %u findings, got %u:%s", n, r->out.n, got);
	if (n)
		cr_assert(r->out.items[0]->rule == rule && r->out.items[0]->loc.line == line,
		          "expected %s at line %u, got:%s", rule_name(rule), line, got);
}

/* PyErr_Format(exc, "bad"); return NULL; — and return PyErr_NoMemory(); */
Test(cpython_vocab, error_setter_result_is_null)
{
	struct irb b;
	irb_init(&b);
	irb_func(&b, "f", b.obj);
	uint32_t exc = irb_var(&b, "exc", b.obj, IR_VAR_PARAM);
	uint32_t flag = irb_var(&b, "flag", b.i, IR_VAR_PARAM);
	uint32_t t = irb_var(&b, "t1", b.obj, IR_VAR_TEMP);
	uint32_t a = irb_block(&b), c = irb_block(&b);
	irb_branch(&b, V(&b, flag), a, c);                              /* 11 */
	irb_at(&b, a);
	irb_call(&b, NULL, "PyErr_Format", V(&b, exc), STR(&b, "bad"), NULL); /* 12 */
	irb_ret(&b, NUL(&b));                                            /* 13 */
	irb_at(&b, c);
	irb_call(&b, V(&b, t), "PyErr_NoMemory", NULL);                  /* 14 */
	irb_ret(&b, V(&b, t));                                           /* 15 */
	struct run r;
	run_fn(&b, &r);
	expect_findings(&r, 0, 0, 0);
	/* It returns NULL on every path: an error helper, whose result is no reference. */
	cr_assert_eq(r.res.inferred.returns, MODEL_RET_NULL);
	run_done(&b, &r);
}

/* if (!PyArg_ParseTuple(args, "O", &o)) return NULL;
 * r = PyObject_CallObject(cb, NULL); Py_XDECREF(r);
 * Py_INCREF(o); return o;                  — clean: o is stable */
static void build_parse(struct irb *b, const char *getter)
{
	irb_init(b);
	irb_func(b, "f", b->obj);
	uint32_t args = irb_var(b, "args", b->obj, IR_VAR_PARAM);
	uint32_t cb = irb_var(b, "cb", b->obj, IR_VAR_PARAM);
	uint32_t o = irb_var(b, "o", b->obj, IR_VAR_LOCAL);
	uint32_t res = irb_var(b, "r", b->obj, IR_VAR_LOCAL);
	uint32_t ok = irb_var(b, "ok", b->i, IR_VAR_TEMP);
	uint32_t fail = irb_block(b), go = irb_block(b);
	if (getter)
		irb_call(b, V(b, o), getter, V(b, args), INT(b, 0), NULL);                 /* 11 */
	else
		irb_call(b, V(b, ok), "_PyArg_ParseTuple_SizeT", V(b, args), STR(b, "O"),
		         ADDR(b, V(b, o)), NULL);                                            /* 11 */
	irb_branch(b, getter ? NOT(b, V(b, o)) : NOT(b, V(b, ok)), fail, go);            /* 12 */
	irb_at(b, fail);
	irb_ret(b, NUL(b));                                                              /* 13 */
	irb_at(b, go);
	irb_call(b, V(b, res), "PyObject_CallObject", V(b, cb), NUL(b), NULL);           /* 14 */
	irb_call(b, NULL, "Py_XDECREF", V(b, res), NULL);                                /* 15 */
	irb_call(b, NULL, "Py_INCREF", V(b, o), NULL);                                   /* 16 */
	irb_ret(b, V(b, o));                                                             /* 17 */
}

Test(cpython_vocab, parsed_argument_survives_a_call)
{
	struct irb b;
	build_parse(&b, NULL);
	struct run r;
	run_fn(&b, &r);
	expect_findings(&r, 0, 0, 0);
	run_done(&b, &r);
}

Test(cpython_vocab, tuple_item_is_stable_list_item_is_not)
{
	struct irb b;
	struct run r;
	build_parse(&b, "PyTuple_GetItem");
	run_fn(&b, &r);
	expect_findings(&r, 0, 0, 0);
	run_done(&b, &r);

	build_parse(&b, "PyList_GetItem");
	run_fn(&b, &r);
	expect_findings(&r, 1, RULE_REFCOUNT_DANGLING_BORROWED, 16);
	run_done(&b, &r);
}

/* ParseTuple fails with 0: on that path "O" stored nothing, and the code
 * that returns NULL there is clean; o is never treated as owned. */
Test(cpython_vocab, parse_failure_path_sets_nothing)
{
	struct irb b;
	irb_init(&b);
	irb_func(&b, "f", b.obj);
	uint32_t args = irb_var(&b, "args", b.obj, IR_VAR_PARAM);
	uint32_t o = irb_var(&b, "o", b.obj, IR_VAR_LOCAL);
	uint32_t ok = irb_var(&b, "ok", b.i, IR_VAR_LOCAL);
	uint32_t fail = irb_block(&b), go = irb_block(&b);
	irb_assign(&b, V(&b, o), NUL(&b));                                              /* 11 */
	irb_call(&b, V(&b, ok), "PyArg_ParseTuple", V(&b, args), STR(&b, "|O"),
	         ADDR(&b, V(&b, o)), NULL);                                             /* 12 */
	irb_branch(&b, CMP(&b, IR_OP_EQ, V(&b, ok), INT(&b, 0)), fail, go);            /* 13 */
	irb_at(&b, fail);
	/* o is still the NULL it was: dereferencing it here is not "unchecked" */
	irb_ret(&b, V(&b, o));                                                          /* 14 */
	irb_at(&b, go);
	irb_call(&b, NULL, "Py_DECREF", V(&b, o), NULL);                                /* 15: over-release */
	irb_ret(&b, NUL(&b));                                                           /* 16 */
	struct run r;
	run_fn(&b, &r);
	expect_findings(&r, 1, RULE_REFCOUNT_OVER_RELEASE, 15);
	run_done(&b, &r);
}

/* dealloc of a heap type: tp = Py_TYPE(self); tp->tp_free(self); Py_DECREF(tp); */
Test(cpython_vocab, type_from_py_type_is_held_by_the_object)
{
	struct irb b;
	irb_init(&b);
	irb_func(&b, "dealloc", b.v);
	uint32_t self = irb_var(&b, "self", b.obj, IR_VAR_PARAM);
	uint32_t tp = irb_var(&b, "tp", b.obj, IR_VAR_LOCAL);
	irb_call(&b, V(&b, tp), "Py_TYPE", V(&b, self), NULL);           /* 11 */
	irb_call(&b, NULL, "PyObject_GC_UnTrack", V(&b, self), NULL);     /* 12 */
	irb_call(&b, NULL, "PyObject_ClearWeakRefs", V(&b, self), NULL);  /* 13: runs code */
	irb_call(&b, NULL, "PyObject_GC_Del", V(&b, self), NULL);         /* 14 */
	irb_call(&b, NULL, "Py_DECREF", V(&b, tp), NULL);                 /* 15 */
	irb_ret(&b, NULL);
	struct run r;
	run_fn(&b, &r);
	expect_findings(&r, 0, 0, 0);
	run_done(&b, &r);
}

/* A borrowed reference released is still an over-release with this pack:
 * PyDict_GetItem's result. */
Test(cpython_vocab, borrowed_get_released)
{
	struct irb b;
	irb_init(&b);
	irb_func(&b, "f", b.v);
	uint32_t d = irb_var(&b, "d", b.obj, IR_VAR_PARAM);
	uint32_t k = irb_var(&b, "k", b.obj, IR_VAR_PARAM);
	uint32_t v = irb_var(&b, "v", b.obj, IR_VAR_LOCAL);
	irb_call(&b, V(&b, v), "PyDict_GetItem", V(&b, d), V(&b, k), NULL); /* 11 */
	irb_call(&b, NULL, "Py_XDECREF", V(&b, v), NULL);                   /* 12 */
	irb_ret(&b, NULL);
	struct run r;
	run_fn(&b, &r);
	expect_findings(&r, 1, RULE_REFCOUNT_OVER_RELEASE, 12);
	run_done(&b, &r);
}

/* item = ((T *)seq)->ob_item[i]; PyObject_RichCompareBool(item, value, Py_EQ);
 * PyObject_IsTrue(item);  — with T a list: __eq__ may have cleared the list
 * (the list.index bug class); with T a tuple ("stable_fields"): clean. */
static void build_index_load(struct irb *b, const char *record)
{
	irb_init(b);
	char spelling[64];
	snprintf(spelling, sizeof(spelling), "%s *", record);
	const struct ir_type *seq_ty = ir_type_make(b->tu, IR_TY_PTR, 1, ir_strdup(b->tu, spelling),
	                                            ir_strdup(b->tu, record));
	const struct ir_type *items_ty = ir_type_make(b->tu, IR_TY_ARRAY, 1, "PyObject *[1]", "_object");
	irb_func(b, "f", b->i);
	uint32_t seq = irb_var(b, "seq", seq_ty, IR_VAR_PARAM);
	uint32_t value = irb_var(b, "value", b->obj, IR_VAR_PARAM);
	uint32_t i = irb_var(b, "i", b->i, IR_VAR_PARAM);
	uint32_t item = irb_var(b, "item", b->obj, IR_VAR_LOCAL);
	uint32_t cmp = irb_var(b, "cmp", b->i, IR_VAR_LOCAL);
	struct ir_expr *items = FIELD(b, V(b, seq), "ob_item", items_ty);
	irb_assign(b, V(b, item), ir_expr_binary(b->tu, IR_E_INDEX, IR_OP_NONE, items, V(b, i), b->obj)); /* 11 */
	irb_call(b, V(b, cmp), "PyObject_RichCompareBool", V(b, item), V(b, value), INT(b, 2), NULL);   /* 12 */
	irb_call(b, V(b, cmp), "PyObject_IsTrue", V(b, item), NULL);                                     /* 13 */
	irb_ret(b, V(b, cmp));                                                                           /* 14 */
}

Test(cpython_vocab, item_at_a_variable_index_is_borrowed_from_its_container)
{
	struct irb b;
	struct run r;
	build_index_load(&b, "PyListObject");
	run_fn(&b, &r);
	expect_findings(&r, 1, RULE_REFCOUNT_DANGLING_BORROWED, 13);
	run_done(&b, &r);

	build_index_load(&b, "PyTupleObject");
	run_fn(&b, &r);
	expect_findings(&r, 0, 0, 0);
	run_done(&b, &r);
}

/* l = PyList_New(2); PyList_SET_ITEM(l, 0, a); PyList_SET_ITEM(l, 1, b); return l;
 * — one unchecked-null, at the first use: the path goes on as if l were set. */
Test(cpython_vocab, unchecked_null_only_at_the_first_use)
{
	struct irb b;
	irb_init(&b);
	irb_func(&b, "f", b.obj);
	uint32_t x = irb_var(&b, "x", b.obj, IR_VAR_PARAM);
	uint32_t l = irb_var(&b, "l", b.obj, IR_VAR_LOCAL);
	uint32_t t = irb_var(&b, "t1", b.obj, IR_VAR_TEMP);
	uint32_t u = irb_var(&b, "t2", b.obj, IR_VAR_TEMP);
	irb_call(&b, V(&b, l), "PyList_New", INT(&b, 2), NULL);                          /* 11 */
	irb_call(&b, V(&b, t), "_Py_NewRef", V(&b, x), NULL);                            /* 12 */
	irb_call(&b, NULL, "PyList_SET_ITEM", V(&b, l), INT(&b, 0), V(&b, t), NULL);     /* 13 */
	irb_call(&b, V(&b, u), "_Py_NewRef", V(&b, x), NULL);                            /* 14 */
	irb_call(&b, NULL, "PyList_SET_ITEM", V(&b, l), INT(&b, 1), V(&b, u), NULL);     /* 15 */
	irb_ret(&b, V(&b, l));                                                           /* 16 */
	struct run r;
	run_fn(&b, &r);
	expect_findings(&r, 1, RULE_REFCOUNT_UNCHECKED_NULL, 13);
	run_done(&b, &r);
}

/* r = PyObject_Str(o); if (!r) return NULL; if (flag) { Py_DECREF(r); return r; } return r;
 * — a use after release, not also a borrowed return. */
Test(cpython_vocab, returning_a_released_reference_is_one_finding)
{
	struct irb b;
	irb_init(&b);
	irb_func(&b, "f", b.obj);
	uint32_t o = irb_var(&b, "o", b.obj, IR_VAR_PARAM);
	uint32_t flag = irb_var(&b, "flag", b.i, IR_VAR_PARAM);
	uint32_t res = irb_var(&b, "r", b.obj, IR_VAR_LOCAL);
	uint32_t fail = irb_block(&b), go = irb_block(&b), rel = irb_block(&b), keep = irb_block(&b);
	irb_call(&b, V(&b, res), "PyObject_Str", V(&b, o), NULL);       /* 11 */
	irb_branch(&b, NOT(&b, V(&b, res)), fail, go);                  /* 12 */
	irb_at(&b, fail);
	irb_ret(&b, NUL(&b));                                           /* 13 */
	irb_at(&b, go);
	irb_branch(&b, V(&b, flag), rel, keep);                         /* 14 */
	irb_at(&b, rel);
	irb_call(&b, NULL, "Py_DECREF", V(&b, res), NULL);              /* 15 */
	irb_ret(&b, V(&b, res));                                        /* 16 */
	irb_at(&b, keep);
	irb_ret(&b, V(&b, res));                                        /* 17 */
	struct run r;
	run_fn(&b, &r);
	expect_findings(&r, 1, RULE_REFCOUNT_USE_AFTER_RELEASE, 16);
	run_done(&b, &r);
}

/* out = PyBytes_FromStringAndSize(NULL, 10); if (!out) return NULL;
 * if (_PyBytes_Resize(&out, 5) < 0) return NULL;   — clean: *out consumed, NULL
 * return finish ? out : NULL;                       — leaks the resized bytes */
Test(cpython_vocab, in_out_argument_is_replaced)
{
	struct irb b;
	irb_init(&b);
	irb_func(&b, "f", b.obj);
	uint32_t finish = irb_var(&b, "finish", b.i, IR_VAR_PARAM);
	uint32_t out = irb_var(&b, "out", b.obj, IR_VAR_LOCAL);
	uint32_t rc = irb_var(&b, "rc", b.i, IR_VAR_LOCAL);
	uint32_t f1 = irb_block(&b), g1 = irb_block(&b), f2 = irb_block(&b), g2 = irb_block(&b);
	uint32_t done = irb_block(&b), drop = irb_block(&b);
	irb_call(&b, V(&b, out), "PyBytes_FromStringAndSize", NUL(&b), INT(&b, 10), NULL); /* 11 */
	irb_branch(&b, NOT(&b, V(&b, out)), f1, g1);                                       /* 12 */
	irb_at(&b, f1);
	irb_ret(&b, NUL(&b));                                                              /* 13 */
	irb_at(&b, g1);
	irb_call(&b, V(&b, rc), "_PyBytes_Resize", ADDR(&b, V(&b, out)), INT(&b, 5), NULL); /* 14 */
	irb_branch(&b, CMP(&b, IR_OP_LT, V(&b, rc), INT(&b, 0)), f2, g2);                 /* 15 */
	irb_at(&b, f2);
	irb_ret(&b, NUL(&b));                                                              /* 16 */
	irb_at(&b, g2);
	irb_branch(&b, V(&b, finish), done, drop);                                         /* 17 */
	irb_at(&b, done);
	irb_ret(&b, V(&b, out));                                                           /* 18 */
	irb_at(&b, drop);
	irb_ret(&b, NUL(&b));                                                              /* 19: leak */
	struct run r;
	run_fn(&b, &r);
	expect_findings(&r, 1, RULE_REFCOUNT_LEAK, 19);
	cr_assert(strstr(r.out.items[0]->message, "_PyBytes_Resize"), "%s", r.out.items[0]->message);
	cr_assert_eq(r.res.inferred.returns, MODEL_RET_NEW);
	run_done(&b, &r);
}

/* static PyObject *fail(void) { PyErr_SetString(exc, "x"); return NULL; }
 * is summarised as returning NULL, so callers dropping its result leak nothing. */
Test(cpython_vocab, error_helper_summarised_as_null)
{
	struct irb b;
	irb_init(&b);
	irb_func(&b, "fail", b.obj);
	uint32_t exc = irb_var(&b, "exc", b.obj, IR_VAR_PARAM);
	irb_call(&b, NULL, "PyErr_SetString", V(&b, exc), STR(&b, "x"), NULL);
	irb_ret(&b, NUL(&b));
	struct run r;
	run_fn(&b, &r);
	expect_findings(&r, 0, 0, 0);
	cr_assert_eq(r.res.inferred.returns, MODEL_RET_NULL);
	run_done(&b, &r);
}

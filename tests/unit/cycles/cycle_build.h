/*
 * cycle_build.h — build the type-level IR by hand for the cycle tests:
 * object records with fields, type tables as static initialisers, and the
 * shapes the runtime's macros lower to (RC_CLEAR, RC_VISIT), on top of
 * tests/support/ir_build.h. Every field, statement and terminator takes
 * the next line number, so a test can say where a finding must stand.
 *
 * Each test file includes it once; cycle_run() loads the runtime pack from
 * rules/ (REFCHECK_RULES_DIR) and builds the TU's cycle model.
 */
#ifndef REFCHECK_CYCLE_BUILD_H
#define REFCHECK_CYCLE_BUILD_H

#include <criterion/criterion.h>

#include "cycles/cycles.h"
#include "model/model.h"
#include "report/finding.h"
#include "ir_build.h"

#include <stdio.h>

#define CB_MAX_FIELDS 16

static inline const struct ir_type *cb_ptr(struct irb *b, const char *rec)
{
	char sp[128];
	snprintf(sp, sizeof(sp), "%s *", rec);
	return ir_type_make(b->tu, IR_TY_PTR, 1, sp, rec);
}

static inline const struct ir_type *cb_type(struct irb *b, enum ir_type_class cls, unsigned depth,
                                            const char *rec, const char *elem)
{
	if (elem)
		return ir_type_make_elem(b->tu, cls, elem, elem);
	return ir_type_make(b->tu, cls, depth, rec ? rec : "t",
	                    depth || cls == IR_TY_RECORD ? rec : NULL);
}

/* A record; an object record starts with `rc_object ob_base`. */
static inline uint32_t cb_record(struct irb *b, const char *name, bool is_object)
{
	struct ir_tu *tu = b->tu;
	VEC_RESERVE(tu->records, tu->cap_records, (size_t)tu->nrecords + 1);
	struct ir_record *r = &tu->records[tu->nrecords];
	memset(r, 0, sizeof(*r));
	r->name = ir_strdup(tu, name);
	r->is_object = is_object;
	r->in_main_file = true;
	r->loc = irb_loc(b);
	r->fields = arena_alloc(tu->arena, sizeof(struct ir_field) * CB_MAX_FIELDS);
	if (is_object) {
		struct ir_field *f = &r->fields[r->nfields++];
		f->name = ir_strdup(tu, "ob_base");
		f->ty = cb_type(b, IR_TY_RECORD, 0, "rc_object", NULL);
		f->loc = irb_loc(b);
	}
	return tu->nrecords++;
}

/* A field; `ann` is an annotation ("rc:borrowed_field") or NULL. Returns its line. */
static inline uint32_t cb_field(struct irb *b, uint32_t rec, const char *name,
                                const struct ir_type *ty, int64_t array_len, const char *ann)
{
	struct ir_record *r = &b->tu->records[rec];
	cr_assert_lt(r->nfields, CB_MAX_FIELDS);
	struct ir_field *f = &r->fields[r->nfields++];
	f->name = ir_strdup(b->tu, name);
	f->ty = ty;
	f->array_len = array_len;
	f->loc = irb_loc(b);
	if (ann) {
		const char **a = arena_alloc(b->tu->arena, sizeof(char *));
		a[0] = ir_strdup(b->tu, ann);
		f->annotations = a;
		f->nannotations = 1;
	}
	return f->loc.line;
}

static inline struct ir_expr *FN(struct irb *b, const char *name)
{
	struct ir_expr *e = ir_expr_new(b->tu, IR_E_FUNC, b->p);
	e->u.name = ir_strdup(b->tu, name);
	return e;
}

static inline struct ir_expr *GLOBAL(struct irb *b, const char *name)
{
	struct ir_expr *e = ir_expr_new(b->tu, IR_E_GLOBAL, b->p);
	e->u.name = ir_strdup(b->tu, name);
	return e;
}

static inline struct ir_expr *SIZEOF(struct irb *b, const char *rec)
{
	struct ir_expr *e = ir_expr_int(b->tu, 48);
	e->sizeof_record = ir_strdup(b->tu, rec);
	return e;
}

/* A static global of struct type `strct` initialised by (member, expr)
 * pairs, NULL-terminated; a NULL member makes a positional element. */
static inline struct ir_global *cb_global(struct irb *b, const char *name, const char *strct, ...)
{
	struct ir_tu *tu = b->tu;
	VEC_RESERVE(tu->globals, tu->cap_globals, (size_t)tu->nglobals + 1);
	struct ir_global *g = &tu->globals[tu->nglobals++];
	memset(g, 0, sizeof(*g));
	g->name = ir_strdup(tu, name);
	g->ty = cb_type(b, IR_TY_RECORD, 0, strct, NULL);
	g->loc = irb_loc(b);
	g->is_static = g->in_main_file = true;
	struct ir_init *init = arena_alloc(tu->arena, sizeof(*init));
	init->loc = g->loc;
	init->elems = arena_alloc(tu->arena, sizeof(struct ir_init) * 16);
	va_list ap;
	va_start(ap, strct);
	const char *member;
	while ((member = va_arg(ap, const char *))) {
		struct ir_init *el = &init->elems[init->nelems];
		el->field = ir_strdup(tu, member);
		el->index = init->nelems++;
		el->expr = va_arg(ap, struct ir_expr *);
		el->loc = irb_loc(b);
	}
	va_end(ap);
	g->init = init;
	return g;
}

/* rc_type name_type = { .size = sizeof(rec), .dealloc = d, .traverse = t, .clear = c }
 * (NULL names are left out). */
static inline struct ir_global *cb_rc_type(struct irb *b, const char *name, const char *rec,
                                           const char *dealloc, const char *traverse,
                                           const char *clear)
{
	struct ir_global *g = cb_global(b, name, "rc_type", "size", SIZEOF(b, rec), NULL);
	const char *fns[3] = { dealloc, traverse, clear };
	const char *members[3] = { "dealloc", "traverse", "clear" };
	for (int i = 0; i < 3; i++) {
		if (!fns[i])
			continue;
		struct ir_init *el = &g->init->elems[g->init->nelems];
		el->field = ir_strdup(b->tu, members[i]);
		el->index = g->init->nelems++;
		el->expr = FN(b, fns[i]);
		el->loc = irb_loc(b);
	}
	return g;
}

/* void name(rc_object *self) { node *n = self; …  — returns the var n. */
static inline uint32_t cb_method(struct irb *b, const char *name, const char *rec, bool traverse,
                                 uint32_t *self, uint32_t *visit, uint32_t *arg)
{
	irb_func(b, name, traverse ? b->i : b->v);
	*self = irb_var(b, "self", b->obj, IR_VAR_PARAM);
	if (traverse) {
		*visit = irb_var(b, "visit", ir_type_make(b->tu, IR_TY_FUNCPTR, 0, "rc_visitproc", NULL),
		                 IR_VAR_PARAM);
		*arg = irb_var(b, "arg", b->p, IR_VAR_PARAM);
	}
	uint32_t n = irb_var(b, "n", cb_ptr(b, rec), IR_VAR_LOCAL);
	irb_assign(b, V(b, n), V(b, *self));
	return n;
}

/* if (cond) { …: opens the then-block and returns the join block for cb_endif. */
static inline uint32_t cb_if(struct irb *b, struct ir_expr *cond)
{
	uint32_t then = irb_block(b), join = irb_block(b);
	irb_branch(b, cond, then, join);
	irb_at(b, then);
	return join;
}

/* … } after cb_if. */
static inline void cb_endif(struct irb *b, uint32_t join)
{
	irb_goto(b, join);
	irb_at(b, join);
}

/* RC_CLEAR(lv): tmp = lv; if (tmp != NULL) { lv = NULL; rc_decref(tmp); } */
static inline void cb_clear(struct irb *b, struct ir_expr *lv)
{
	uint32_t tmp = irb_var(b, "rc_clear_tmp_", b->obj, IR_VAR_LOCAL);
	irb_assign(b, V(b, tmp), lv);
	uint32_t join = cb_if(b, CMP(b, IR_OP_NE, V(b, tmp), NUL(b)));
	irb_assign(b, lv, NUL(b));
	irb_call(b, NULL, "rc_decref_at", V(b, tmp), NULL);
	cb_endif(b, join);
}

/* Does f have a step (note) at line? */
static inline bool cb_has_step_at(const struct finding *f, uint32_t line)
{
	for (uint32_t i = 0; i < f->nsteps; i++)
		if (f->steps[i].loc.line == line)
			return true;
	return false;
}

/* rc_decref(e) */
static inline void cb_decref(struct irb *b, struct ir_expr *e)
{
	irb_call(b, NULL, "rc_decref_at", e, NULL);
}

/* RC_VISIT(e): if (e != NULL) { int r = visit(e, arg); if (r != 0) return r; } */
static inline void cb_visit(struct irb *b, struct ir_expr *e, uint32_t visit, uint32_t arg)
{
	uint32_t ret = irb_var(b, "rc_visit_ret_", b->i, IR_VAR_LOCAL);
	uint32_t call = irb_block(b), fail = irb_block(b), join = irb_block(b);
	irb_branch(b, CMP(b, IR_OP_NE, e, NUL(b)), call, join);
	irb_at(b, call);
	struct ir_stmt *s = ir_stmt_add(b->tu, b->fn, b->cur, IR_S_CALL);
	s->loc = irb_loc(b);
	s->dst = V(b, ret);
	s->call.fn = V(b, visit);
	s->call.nargs = 2;
	s->call.args = ir_args_new(b->tu, 2);
	s->call.args[0] = e;
	s->call.args[1] = V(b, arg);
	s->call.macro = "RC_VISIT";
	irb_branch(b, CMP(b, IR_OP_NE, V(b, ret), INT(b, 0)), fail, join);
	irb_at(b, fail);
	irb_ret(b, V(b, ret));
	irb_at(b, join);
}

static inline void cb_declare_runtime(struct irb *b)
{
	irb_decl(b, "rc_decref_at", b->v, "rc:decref", NULL);
	irb_decl(b, "rc_xdecref_at", b->v, "rc:xdecref", NULL);
	irb_decl(b, "rc_incref_at", b->v, "rc:incref", NULL);
	irb_decl(b, "rc_new_at", b->obj, "rc:returns_new", "rc:may_fail", NULL);
	irb_decl(b, "rc_list_set", b->i, "rc:may_fail", "rc:steals(3)", NULL);
}

struct cycle_run {
	struct model *m;
	struct model_tu *mt;
	struct cycle_model *cm;
	struct finding_list out;
};

static inline void cycle_load(struct cycle_run *r, const char *pack)
{
	struct err e = { 0 };
	r->m = model_new();
	int rc = model_load_pack(r->m, pack ? pack : REFCHECK_RULES_DIR "/runtime.json", &e);
	cr_assert_eq(rc, 0, "%s", e.msg);
}

static inline void cycle_run_types(struct irb *b, struct cycle_run *r, const char *pack)
{
	cycle_load(r, pack);
	r->mt = model_tu_new(r->m, b->tu);
	r->cm = cycle_model_new(b->tu, r->mt);
	finding_list_init(&r->out);
	cycle_check_tu(r->cm, &r->out);
}

static inline void cycle_done(struct irb *b, struct cycle_run *r)
{
	finding_list_dispose(&r->out);
	cycle_model_free(r->cm);
	model_tu_free(r->mt);
	model_free(r->m);
	ir_tu_free(b->tu);
}

static inline void cycle_findings_text(const struct cycle_run *r, char *buf, size_t cap)
{
	size_t len = 0;
	buf[0] = '\0';
	for (uint32_t i = 0; i < r->out.n && len < cap; i++)
		len += (size_t)snprintf(buf + len, cap - len, " [%s@%u: %s]",
		                        rule_name(r->out.items[i]->rule), r->out.items[i]->loc.line,
		                        r->out.items[i]->message);
}

/* Exactly the listed (rule, line) findings, in any order. */
static inline void cycle_expect(const struct cycle_run *r, uint32_t n, const int *rules,
                                const uint32_t *lines)
{
	char got[4096];
	cycle_findings_text(r, got, sizeof(got));
	cr_assert_eq(r->out.n, n, "expected %u findings, got %u:%s", n, r->out.n, got);
	for (uint32_t k = 0; k < n; k++) {
		bool found = false;
		for (uint32_t i = 0; i < r->out.n; i++)
			found |= r->out.items[i]->rule == rules[k] && r->out.items[i]->loc.line == lines[k];
		cr_assert(found, "missing %s at line %u; got:%s", rule_name(rules[k]), lines[k], got);
	}
}

static inline void cycle_expect_one(const struct cycle_run *r, int rule, uint32_t line)
{
	cycle_expect(r, 1, &rule, &line);
}

static inline void cycle_expect_clean(const struct cycle_run *r)
{
	cycle_expect(r, 0, NULL, NULL);
}

#endif

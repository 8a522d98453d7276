/*
 * type_checks.c — the type-level rules, run once per TU on the type model
 * (issue 6, DESIGN §4):
 *   cycle-untracked-type        a type on a cycle of the ownership graph of
 *                               types whose table gives the collector no traverse
 *   refcount-dealloc-incomplete dealloc misses an owned reference on some path
 *   cycle-traverse-incomplete   traverse misses one on a path returning success
 *   cycle-clear-incomplete      clear leaves one holding its reference
 * Every finding stands at the declaration of the field that holds the
 * reference, with notes at the function and at the type table concerned
 * (DESIGN §7).
 *
 * Which references traverse and clear must handle: those through which a
 * cycle back to the type is possible (the field's type can own, directly or
 * transitively, an instance of this type; a field of generic object type
 * always can). Missing an acyclic reference costs nothing (CPython's
 * contract, notes/runtime.md §2.5). dealloc must release every owned one.
 * References behind an array or pointer ("items[]") are handled element by
 * element in a loop that may run zero times, so for them one path that
 * handles them is enough; a single field must be handled on every path.
 */
#include "cycles/cycles_internal.h"

#include "report/finding.h"
#include "util/strmap.h"
#include "util/xalloc.h"

#include <string.h>

struct tc {
	const struct cycle_model *cm;
	struct finding_list *out;
};

static struct finding_loc floc(const struct tc *c, struct ir_loc l)
{
	struct finding_loc f = { 0 };
	f.file = finding_strdup(c->out, ir_file_name(c->cm->tu, l.file));
	f.line = l.line;
	f.col = l.col;
	f.end_line = l.end_line;
	f.end_col = l.end_col;
	return f;
}

static void note(const struct tc *c, struct finding *f, struct ir_loc l, const char *fmt, ...)
	ERR_PRINTF(4, 5);

static void note(const struct tc *c, struct finding *f, struct ir_loc l, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	finding_add_step(c->out, f, STEP_OTHER, floc(c, l), sb_str(&sb));
	sb_dispose(&sb);
}

static bool same_loc(const struct finding_loc *a, const struct finding_loc *b)
{
	return a->line == b->line && a->col == b->col && strcmp(a->file, b->file) == 0;
}

/* A new finding at l, or NULL if the same rule already stands there for
 * the same function (two tables sharing a dealloc). */
static struct finding *finding_at(const struct tc *c, int rule, struct ir_loc l,
                                  const char *function, const char *msg)
{
	struct finding_loc fl = floc(c, l);
	for (uint32_t i = 0; i < c->out->n; i++) {
		const struct finding *o = c->out->items[i];
		if (o->rule == rule && same_loc(&o->loc, &fl) && o->function &&
		    strcmp(o->function, function) == 0)
			return NULL;
	}
	struct finding *f = finding_new(c->out);
	f->rule = rule;
	f->loc = fl;
	f->function = finding_strdup(c->out, function);
	f->message = finding_strdup(c->out, msg);
	f->key = strmap_hash(msg) ^ ((uint64_t)rule << 56) ^ ((uint64_t)l.line << 24) ^ l.col;
	finding_append(c->out, f);
	return f;
}

static const char *type_name(const struct cycle_model *cm, const struct cycle_table *t)
{
	return t->type >= 0 ? cm->types[t->type].rec->name : t->global->name;
}

/* ---- cycle-untracked-type ---- */

struct hop {
	uint32_t from;
	int32_t ref;        /* index in from's refs; -1: "any object" holds the next type */
};

/* Shortest cycle from node t back to itself: hops[] in order. */
static uint32_t shortest_cycle(const struct cycle_model *cm, uint32_t t, struct hop *hops)
{
	uint32_t n = cm->ntypes + 1, any = cm->ntypes;
	struct hop *via = xmalloc(sizeof(*via) * n);
	uint32_t *queue = xmalloc(sizeof(uint32_t) * (n + 1));
	bool *seen = xcalloc(n, sizeof(bool));
	uint32_t head = 0, tail = 0, len = 0;
	queue[tail++] = t;
	bool found = false;
	while (head < tail && !found) {
		uint32_t u = queue[head++];
		uint32_t nout = u == any ? n : cm->types[u].nrefs;
		for (uint32_t k = 0; k < nout && !found; k++) {
			uint32_t v;
			if (u == any) {
				v = k;
			} else {
				if (cm->types[u].refs[k].weak || (cm->types[u].unreleased & (1ull << k)))
					continue;   /* not an edge of the graph (typegraph.c) */
				v = cycle_ref_node(cm, &cm->types[u].refs[k]);
			}
			if (v == t) {
				via[t] = (struct hop){ u, u == any ? -1 : (int32_t)k };
				found = true;
			} else if (!seen[v]) {
				seen[v] = true;
				via[v] = (struct hop){ u, u == any ? -1 : (int32_t)k };
				queue[tail++] = v;
			}
		}
	}
	/* Walk back from t to t, then reverse. */
	for (uint32_t v = t; found && len < n;) {
		hops[len++] = via[v];
		v = via[v].from;
		if (v == t)
			break;
	}
	for (uint32_t i = 0; i < len / 2; i++) {
		struct hop h = hops[i];
		hops[i] = hops[len - 1 - i];
		hops[len - 1 - i] = h;
	}
	free(via);
	free(queue);
	free(seen);
	return found ? len : 0;
}

static void describe_cycle(const struct cycle_model *cm, const struct hop *hops, uint32_t n,
                           struct strbuf *out)
{
	for (uint32_t i = 0; i < n; i++) {
		if (hops[i].ref < 0)
			continue;   /* "any object" steps are spelled by the field before */
		const struct cycle_ref *r = &cm->types[hops[i].from].refs[hops[i].ref];
		sb_printf(out, "%s%s", i ? " -> " : "", cm->types[hops[i].from].rec->name);
		cpath_text(&r->path, "", out);
	}
	sb_printf(out, " -> %s", cm->types[hops[0].from].rec->name);
}

static void untracked_type(const struct tc *c, const struct cycle_table *t)
{
	const struct cycle_model *cm = c->cm;
	if (t->tracked || !t->tracking_known || t->type < 0 ||
	    !cycle_reaches(cm, (uint32_t)t->type, (uint32_t)t->type))
		return;
	struct hop *hops = xmalloc(sizeof(*hops) * (cm->ntypes + 2));
	uint32_t n = shortest_cycle(cm, (uint32_t)t->type, hops);
	if (n == 0 || hops[0].ref < 0) {
		free(hops);
		return;
	}
	const struct cycle_ref *first = &cm->types[t->type].refs[hops[0].ref];
	struct strbuf msg = STRBUF_INIT;
	sb_printf(&msg, "instances of '%s' can form a reference cycle (", type_name(cm, t));
	describe_cycle(cm, hops, n, &msg);
	sb_printf(&msg, "), but '%s' %s, so the collector can never free such a cycle",
	          t->global->name, t->fn[MODEL_TT_TRAVERSE] ? "is not marked for the collector"
	                                                    : "has no traverse");
	struct finding *f = finding_at(c, RULE_CYCLE_UNTRACKED_TYPE, first->field->loc,
	                               t->global->name, sb_str(&msg));
	for (uint32_t i = 0; f && i < n; i++) {
		if (hops[i].ref < 0)
			continue;
		const struct cycle_ref *r = &cm->types[hops[i].from].refs[hops[i].ref];
		uint32_t to = cycle_ref_node(cm, r);
		if (to == cm->ntypes)
			note(c, f, r->field->loc, "'%s' can hold any object, including one that owns a '%s'",
			     r->field->name, cm->types[hops[0].from].rec->name);
		else
			note(c, f, r->field->loc, "'%s' owns a '%s'", r->field->name, cm->types[to].rec->name);
	}
	if (f)
		note(c, f, t->global->loc, "type table '%s' of '%s' has no traverse%s", t->global->name,
		     type_name(cm, t), t->fn[MODEL_TT_TRAVERSE] ? " the collector uses" : "");
	sb_dispose(&msg);
	free(hops);
}

/* ---- completeness ---- */

/* Must the function of `mode` handle reference i of type k? */
static bool required(const struct cycle_model *cm, uint32_t k, uint32_t i, enum flow_mode mode)
{
	const struct cycle_type *t = &cm->types[k];
	const struct cycle_ref *r = &t->refs[i];
	if (t->borrowed & (1ull << i))
		return false;       /* a structure the instance does not own */
	if (mode == FLOW_DEALLOC)
		return true;
	return !r->weak && !(t->unreleased & (1ull << i)) &&
	       cycle_reaches(cm, cycle_ref_node(cm, r), k);
}

static const char *role_word(enum flow_mode mode)
{
	return mode == FLOW_DEALLOC ? "dealloc" : mode == FLOW_TRAVERSE ? "traverse" : "clear";
}

static int rule_of(enum flow_mode mode)
{
	return mode == FLOW_DEALLOC ? RULE_REFCOUNT_DEALLOC_INCOMPLETE
	     : mode == FLOW_TRAVERSE ? RULE_CYCLE_TRAVERSE_INCOMPLETE : RULE_CYCLE_CLEAR_INCOMPLETE;
}

static enum model_tt_role role_of(enum flow_mode mode)
{
	return mode == FLOW_DEALLOC ? MODEL_TT_DEALLOC
	     : mode == FLOW_TRAVERSE ? MODEL_TT_TRAVERSE : MODEL_TT_CLEAR;
}

struct miss {
	const struct cycle_table *t;
	const struct ir_func *fn;
	enum flow_mode mode;
	const struct cycle_ref *ref;
	const struct flow_exit *exit;       /* the exit where it is missed, or NULL */
	bool released_not_nulled;           /* clear: dropped but left pointing */
};

/* How fn names its object: the local it casts the parameter into
 * (`node *n = (node *)self;`), else the parameter. */
static const char *self_name(const struct ir_func *fn, uint8_t arg)
{
	if (!fn || fn->nparams < arg)
		return "self";
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		for (uint32_t i = 0; i < fn->blocks[b].nstmts; i++) {
			const struct ir_stmt *st = &fn->blocks[b].stmts[i];
			if (st->kind == IR_S_ASSIGN && st->dst->kind == IR_E_VAR &&
			    st->src->kind == IR_E_VAR && st->src->u.var == (uint32_t)arg - 1 &&
			    fn->vars[st->dst->u.var].kind == IR_VAR_LOCAL)
				return fn->vars[st->dst->u.var].name;
		}
	}
	return fn->vars[arg - 1].name;
}

static void report_miss(const struct tc *c, const struct miss *m)
{
	const struct cycle_model *cm = c->cm;
	enum model_tt_role role = role_of(m->mode);
	const char *fname = m->fn ? m->fn->name : m->t->fn[role];
	/* A finalize that stands in for a missing dealloc is named as such. */
	const char *word = m->mode == FLOW_DEALLOC && !m->t->fn[MODEL_TT_DEALLOC] && fname
		? "finalize" : role_word(m->mode);
	const char *self = self_name(m->fn, m->t->desc->self_arg);
	struct strbuf where = STRBUF_INIT, msg = STRBUF_INIT;
	cpath_text(&m->ref->path, self, &where);
	const char *what = m->mode == FLOW_TRAVERSE ? "visit" : "release";
	if (!fname)
		sb_printf(&msg, "'%s' owns a reference, but type '%s' has no dealloc to release it",
		          sb_str(&where), m->t->global->name);
	else if (m->released_not_nulled)
		sb_printf(&msg, "%s (clear of '%s') releases '%s' but leaves the field pointing at it",
		          fname, m->t->global->name, sb_str(&where));
	else if (m->ref->array)
		sb_printf(&msg, "%s (%s of '%s') does not %s the references in '%s'", fname,
		          word, m->t->global->name, what, sb_str(&where));
	else
		sb_printf(&msg, "%s (%s of '%s') can return %swithout %s '%s'", fname,
		          word, m->t->global->name,
		          m->mode == FLOW_TRAVERSE ? "success " : "",
		          m->mode == FLOW_TRAVERSE ? "visiting" : "releasing", sb_str(&where));
	struct finding *f = finding_at(c, rule_of(m->mode), m->ref->field->loc,
	                               fname ? fname : m->t->global->name, sb_str(&msg));
	if (f && m->fn)
		note(c, f, m->fn->loc, "%s is the %s of '%s'", fname, word,
		     type_name(cm, m->t));
	if (f && m->exit && fname)
		note(c, f, m->exit->loc, "'%s' still holds its reference when %s returns here",
		     sb_str(&where), fname);
	if (f)
		note(c, f, m->t->at[fname ? role : MODEL_TT_DEALLOC], "type table '%s'%s%s",
		     m->t->global->name, fname ? " names " : " has no dealloc", fname ? fname : "");
	sb_dispose(&where);
	sb_dispose(&msg);
}

/* The first exit that misses bit i (in `done`, or in `nulled` if nulled). */
static const struct flow_exit *missing_at(const struct flow_result *r, uint32_t i, bool nulled)
{
	for (uint32_t k = 0; k < r->nexits; k++) {
		uint64_t m = nulled ? r->exits[k].nulled : r->exits[k].done;
		if (!(m & (1ull << i)))
			return &r->exits[k];
	}
	return NULL;
}

static void check_refs(const struct tc *c, struct miss *m, const struct flow_result *r)
{
	const struct cycle_type *ty = &c->cm->types[m->t->type];
	for (uint32_t i = 0; i < ty->nrefs; i++) {
		m->ref = &ty->refs[i];
		m->exit = NULL;
		m->released_not_nulled = false;
		if (!required(c->cm, (uint32_t)m->t->type, i, m->mode))
			continue;
		if (m->ref->array) {
			if (!r->nexits || cycle_ref_done(ty, i, r->done_any))
				continue;
		} else if (!(m->exit = missing_at(r, i, false))) {
			if (m->mode != FLOW_CLEAR || !(m->exit = missing_at(r, i, true)))
				continue;
			m->released_not_nulled = true;
		}
		report_miss(c, m);
	}
}

static void check_function(const struct tc *c, const struct cycle_table *t, enum flow_mode mode)
{
	const struct cycle_model *cm = c->cm;
	const char *name = t->fn[role_of(mode)];
	struct miss m = { t, cycle_func(cm, name), mode, NULL, NULL, false };
	if (mode == FLOW_DEALLOC && t->dealloc_run) {
		/* Analysed once, with the model (its evidence shapes the graph). */
		m.fn = t->dealloc_fn;
		if (!t->dealloc.truncated && !(t->dealloc.delegated && !t->dealloc.done_any))
			check_refs(c, &m, &t->dealloc);
		return;
	}
	if (!name) {
		if (mode != FLOW_DEALLOC || t->has_base)
			return;     /* nothing to check, or inherited from the base */
		/* No dealloc at all: every owned reference leaks with the instance. */
		struct flow_result none = { 0 };
		struct flow_exit x = { t->global->loc, 0, 0 };
		none.exits = &x;
		none.nexits = 1;
		check_refs(c, &m, &none);
		return;
	}
	if (!m.fn)
		return;     /* defined in another TU: checked there */
	if (mode == FLOW_DEALLOC)
		return;
	struct flow_result r;
	flow_run(cm, t, m.fn, mode, &r);
	if (!r.truncated)
		check_refs(c, &m, &r);
	flow_result_dispose(&r);
}

void cycle_check_tu(const struct cycle_model *cm, struct finding_list *out)
{
	struct tc c = { cm, out };
	for (uint32_t i = 0; i < cm->ntables; i++) {
		const struct cycle_table *t = &cm->tables[i];
		untracked_type(&c, t);
		if (t->type < 0)
			continue;
		check_function(&c, t, FLOW_DEALLOC);
		check_function(&c, t, FLOW_TRAVERSE);
		check_function(&c, t, FLOW_CLEAR);
	}
}

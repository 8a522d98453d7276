/*
 * cycle_created.c — cycle-created: code links objects into a reference
 * cycle that no collector can break (DESIGN §4, issue 6).
 *
 * After Infer's retain-cycle check: at each store of an object into a field
 * (EV_STORE: base->field = val) follow the ownership links upwards from
 * the base — every value carries held_by, the object whose field a store
 * last put it in — and if the stored value is reached, this store closes a
 * cycle: val owns … owns base, and now base owns val. A store into the
 * object itself (base == val) is a cycle of one.
 *
 * The cycle leaks only if the collector cannot see all of it: one object of
 * a type that is not tracked (its type table has no traverse) hides its
 * edge, so the rest of the cycle looks externally referenced and is never
 * collected. So the check reports when at least one object of the cycle is
 * known to be untracked, and stays silent when every object's type is
 * tracked or unknown. An object's type comes from how it was made (an
 * allocator given &table, or a constructor of the TU that allocates one
 * table) or, failing that, from the static types it was seen with; the
 * type model of the TU (cycles/cycles.h) answers. Stores into fields that
 * do not own (RC_BORROWED_FIELD, RC_WEAK_FIELD) are not links.
 *
 * The finding stands at the store that closes the cycle, with notes at the
 * stores that made the other links.
 */
#include "checks/check.h"
#include "cycles/cycles.h"

#define CREATED_MAX_CHAIN 16
#define CREATED_MAX_TYPES 4

/* holder owns held since the store at `point`. */
struct link {
	val_t holder, held;
	uint32_t point;
};

/* What is known of one object of the cycle. */
struct member {
	val_t v;
	const char *records[CREATED_MAX_TYPES];
	uint32_t nrecords;
};

static const char *record_of(const struct ir_type *t)
{
	return t && t->obj_depth == 1 ? t->record : NULL;
}

static void member_saw(struct member *m, const char *record)
{
	if (record && m->nrecords < CREATED_MAX_TYPES)
		m->records[m->nrecords++] = record;
}

/* A link's store: the field written must own, and its types tell the
 * holder's and the held object's records. */
static bool link_store(struct engine_ctx *ctx, const struct cycle_model *cm,
                       const struct link *l, struct member *holder, struct member *held)
{
	const struct ir_stmt *st = engine_point_stmt(ctx, l->point);
	if (!st || !st->dst || st->dst->kind != IR_E_FIELD)
		return false;
	const struct ir_expr *base = st->dst->u.field.base;
	if (!cycle_field_owns(cm, record_of(base->ty), st->dst->u.field.name))
		return false;
	member_saw(holder, record_of(base->ty));
	member_saw(held, record_of(st->kind == IR_S_ASSIGN && st->src ? st->src->ty : st->dst->ty));
	return true;
}

static enum cycle_tracking member_tracking(struct engine_ctx *ctx, const struct cycle_model *cm,
                                           const struct member *m, const char **name)
{
	const struct aval *a = engine_val(ctx, m->v);
	const char *table = a ? cycle_call_table(cm, engine_point_stmt(ctx, a->acquired)) : NULL;
	enum cycle_tracking t = cycle_table_tracking(cm, table);
	*name = table;
	if (t != CYCLE_UNKNOWN)
		return t;
	struct member all = *m;
	if (a && a->name && a->name <= engine_func(ctx)->nvars)
		member_saw(&all, record_of(engine_func(ctx)->vars[a->name - 1].ty));
	bool tracked = false, untracked = false;
	for (uint32_t i = 0; i < all.nrecords; i++) {
		enum cycle_tracking r = cycle_record_tracking(cm, all.records[i]);
		tracked |= r == CYCLE_TRACKED;
		if (r == CYCLE_UNTRACKED && !untracked) {
			untracked = true;
			*name = all.records[i];
		}
	}
	return tracked ? CYCLE_TRACKED : untracked ? CYCLE_UNTRACKED : CYCLE_UNKNOWN;
}

/* Follow held_by from the base until the stored value; 0 if no cycle. */
static uint32_t find_chain(const struct event *ev, struct link *links)
{
	uint32_t n = 0;
	val_t x = ev->base;
	while (x != ev->val) {
		const struct aval *a = engine_val(ev->ctx, x);
		if (!a || !a->held_by || n == CREATED_MAX_CHAIN)
			return 0;
		links[n++] = (struct link){ a->held_by, x, a->held_at };
		x = a->held_by;
	}
	return n + 1;   /* the closing store is a link too */
}

static void describe(struct engine_ctx *ctx, val_t v, struct strbuf *out)
{
	const struct aval *a = engine_val(ctx, v);
	if (a)
		engine_describe(ctx, a, out);
	else
		sb_add(out, "the object");
}

static void report(const struct event *ev, const struct link *links, uint32_t nlinks,
                   const char *untracked)
{
	struct engine_ctx *ctx = ev->ctx;
	struct strbuf msg = STRBUF_INIT, who = STRBUF_INIT;
	if (nlinks == 1) {
		sb_add(&msg, "this store makes ");
		describe(ctx, ev->val, &msg);
		sb_printf(&msg, " own a reference to itself");
	} else {
		sb_add(&msg, "this store closes a reference cycle: ");
		describe(ctx, ev->val, &msg);
		for (uint32_t i = nlinks - 1; i-- > 0;) {
			sb_add(&msg, " -> ");
			describe(ctx, links[i].held, &msg);
		}
		sb_add(&msg, " -> ");
		describe(ctx, ev->val, &msg);
	}
	sb_printf(&msg, "; '%s' is not tracked by the collector, so the cycle is never freed",
	          untracked);
	struct finding *f = engine_report_later(ctx, RULE_CYCLE_CREATED, ev->loc, ev->val, ev->v,
	                                        "%s", sb_str(&msg));
	for (uint32_t i = nlinks - 1; f && i-- > 0;) {
		sb_reset(&who);
		describe(ctx, links[i].holder, &who);
		sb_add(&who, " now owns ");
		describe(ctx, links[i].held, &who);
		engine_add_note(ctx, f, engine_point_loc(ctx, links[i].point), sb_str(&who));
	}
	engine_commit(ctx, f);
	sb_dispose(&msg);
	sb_dispose(&who);
}

static void created_on_store(const struct event *ev)
{
	struct engine_ctx *ctx = ev->ctx;
	const struct cycle_model *cm = engine_cycle_model(ctx);
	if (!cm || !cycle_field_owns(cm, record_of(ev->base_ty), ev->field))
		return;
	struct link links[CREATED_MAX_CHAIN];
	uint32_t nlinks = find_chain(ev, links);
	if (!nlinks)
		return;
	/* Members: the stored value, then each holder up the chain (the base first). */
	struct member ms[CREATED_MAX_CHAIN + 1] = { 0 };
	uint32_t nms = 0;
	ms[nms].v = ev->val;
	member_saw(&ms[nms++], record_of(ev->val_ty));
	if (nlinks > 1) {
		ms[nms].v = ev->base;
		member_saw(&ms[nms++], record_of(ev->base_ty));
	} else {
		member_saw(&ms[0], record_of(ev->base_ty));
	}
	for (uint32_t i = 0; i + 1 < nlinks; i++) {
		struct member *held = &ms[nms - 1];
		struct member *holder = links[i].holder == ev->val ? &ms[0] : &ms[nms];
		if (!link_store(ctx, cm, &links[i], holder, held))
			return;
		if (holder != &ms[0])
			ms[nms++].v = links[i].holder;
	}
	const char *name = NULL;
	for (uint32_t i = 0; i < nms && !name; i++) {
		const char *n = NULL;
		if (member_tracking(ctx, cm, &ms[i], &n) == CYCLE_UNTRACKED)
			name = n;
	}
	if (name)
		report(ev, links, nlinks, name);
}

static const int created_rules[] = { RULE_CYCLE_CREATED };

const struct check check_cycle_created = {
	.name = "cycle_created",
	.summary = "stores that close a reference cycle of objects the collector does not track",
	.rules = created_rules,
	.nrules = 1,
	.hooks = { [EV_STORE] = created_on_store },
};

/*
 * state.h — one path's abstract state (STYLE §2): variables mapped to
 * abstract values, the values themselves, and a memo of loads from memory
 * (so `if (self->x) rc_decref(self->x)` reads one value twice).
 *
 * Invariants:
 *  - vals[0] is unused; VAL_NONE means "no value" (uninitialised variable).
 *  - every val_t stored in vars, memo or an owner field is < nvals.
 *  - after state_canon(), values are numbered in order of first reference
 *    (variables, then memo, then owners), unreferenced values are gone, and
 *    two states that mean the same thing have the same bytes in state_key().
 *  - loop counters are not part of the identity of a state.
 */
#ifndef REFCHECK_STATE_H
#define REFCHECK_STATE_H

#include "engine/engine.h"
#include "util/strbuf.h"

#include <stdint.h>

#define MEMO_NO_INDEX INT64_MIN

struct memo_ent {
	val_t base;             /* VAL_NONE for a global */
	const char *name;       /* field or global name; "*" for a dereference */
	int64_t index;          /* constant array index, or MEMO_NO_INDEX */
	val_t val;
	bool holds_ref;         /* this path stored an owned reference there */
	/* A call that may write any memory ran since: not a value to load
	 * again, but what the memory held when last seen, so that overwriting
	 * it can still move the reference to the variable that read it
	 * (`cnt = lz->cnt; next = f(cnt); lz->cnt = next; return cnt;`). */
	bool stale;
};

struct state {
	uint32_t nvars;
	val_t *vars;
	struct aval *vals;
	uint32_t nvals, cap_vals;
	struct memo_ent *memo;
	uint32_t nmemo, cap_memo;
	uint32_t nloops;
	uint8_t *loops;         /* entries into each loop head on this path */
};

struct state *state_new(uint32_t nvars, uint32_t nloops);
struct state *state_copy(const struct state *s);
void state_free(struct state *s);

/* A fresh value, zeroed except for the full interval. */
val_t state_new_val(struct state *s);
static inline struct aval *state_val(struct state *s, val_t v)
{
	return &s->vals[v];
}

/* Is v referenced by a variable (other than `except`, or any if except is
 * UINT32_MAX)? Memo entries and owner links do not count: they own nothing. */
bool state_val_in_vars(const struct state *s, val_t v, uint32_t except);

val_t state_memo_get(const struct state *s, val_t base, const char *name, int64_t index);
void state_memo_put(struct state *s, val_t base, const char *name, int64_t index, val_t val,
                    bool holds_ref);
struct memo_ent *state_memo_find(struct state *s, val_t base, const char *name, int64_t index);
/* Forget loads that a store to `name` may change (every base), or all
 * loads when name is NULL (a call that may write anywhere). */
void state_memo_forget(struct state *s, const char *name);
/* Mark stale every entry of base (an index store into a local array may
 * have written any of them). */
void state_memo_stale_base(struct state *s, val_t base);

void state_canon(struct state *s);
/* Forget what is known of values that are not objects (integers, plain
 * pointers) and the loads that hold them: a widening for crowded blocks.
 * The exact values of flag_vars (per variable of fn, or NULL) are kept:
 * flags take few values, and they say which references are owned. */
void state_widen(struct state *s, const struct ir_func *fn, const bool *flag_vars);
/* The canonical bytes of a canonical state (see invariants). */
void state_key(const struct state *s, struct strbuf *out);

/* Debug dump of the state, as Clang's printState does. */
void state_dump(const struct state *s, const struct ir_func *fn, struct strbuf *out);

#endif

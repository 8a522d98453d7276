/*
 * state.c — abstract states: copying, values, the load memo, and the
 * canonical form that lets identical states merge (see state.h).
 */
#include "engine/state.h"

#include "util/xalloc.h"

#include <inttypes.h>
#include <string.h>

struct state *state_new(uint32_t nvars, uint32_t nloops)
{
	struct state *s = xcalloc(1, sizeof(*s));
	s->nvars = nvars;
	s->vars = xcalloc(nvars ? nvars : 1, sizeof(val_t));
	s->nloops = nloops;
	s->loops = xcalloc(nloops ? nloops : 1, 1);
	s->cap_vals = 16;
	s->vals = xcalloc(s->cap_vals, sizeof(struct aval));
	s->nvals = 1;
	return s;
}

struct state *state_copy(const struct state *s)
{
	struct state *c = xmalloc(sizeof(*c));
	*c = *s;
	c->vars = xmalloc(sizeof(val_t) * (s->nvars ? s->nvars : 1));
	memcpy(c->vars, s->vars, sizeof(val_t) * s->nvars);
	c->cap_vals = s->nvals + 8;
	c->vals = xmalloc(sizeof(struct aval) * c->cap_vals);
	memcpy(c->vals, s->vals, sizeof(struct aval) * s->nvals);
	c->cap_memo = s->nmemo;
	c->memo = s->nmemo ? xmalloc(sizeof(struct memo_ent) * s->nmemo) : NULL;
	if (s->nmemo)
		memcpy(c->memo, s->memo, sizeof(struct memo_ent) * s->nmemo);
	c->loops = xmalloc(s->nloops ? s->nloops : 1);
	memcpy(c->loops, s->loops, s->nloops);
	return c;
}

void state_free(struct state *s)
{
	if (!s)
		return;
	free(s->vars);
	free(s->vals);
	free(s->memo);
	free(s->loops);
	free(s);
}

val_t state_new_val(struct state *s)
{
	VEC_RESERVE(s->vals, s->cap_vals, (size_t)s->nvals + 1);
	struct aval *v = &s->vals[s->nvals];
	memset(v, 0, sizeof(*v));
	v->lo = INT64_MIN;
	v->hi = INT64_MAX;
	return s->nvals++;
}

bool state_val_in_vars(const struct state *s, val_t v, uint32_t except)
{
	for (uint32_t i = 0; i < s->nvars; i++)
		if (s->vars[i] == v && i != except)
			return true;
	return false;
}

val_t state_memo_get(const struct state *s, val_t base, const char *name, int64_t index)
{
	for (uint32_t i = 0; i < s->nmemo; i++) {
		const struct memo_ent *m = &s->memo[i];
		if (m->base == base && m->index == index && strcmp(m->name, name) == 0)
			return m->stale ? VAL_NONE : m->val;
	}
	return VAL_NONE;
}

struct memo_ent *state_memo_find(struct state *s, val_t base, const char *name, int64_t index)
{
	for (uint32_t i = 0; i < s->nmemo; i++) {
		struct memo_ent *m = &s->memo[i];
		if (m->base == base && m->index == index && strcmp(m->name, name) == 0)
			return m;
	}
	return NULL;
}

void state_memo_put(struct state *s, val_t base, const char *name, int64_t index, val_t val,
                    bool holds_ref)
{
	struct memo_ent *m = state_memo_find(s, base, name, index);
	if (m) {
		m->val = val;
		m->holds_ref = holds_ref;
		m->stale = false;
		return;
	}
	struct memo_ent e = { base, name, index, val, holds_ref, false };
	VEC_PUSH(s->memo, s->nmemo, s->cap_memo, e);
}

void state_memo_stale_base(struct state *s, val_t base)
{
	for (uint32_t i = 0; i < s->nmemo; i++)
		if (s->memo[i].base == base)
			s->memo[i].stale = true;
}

void state_memo_forget(struct state *s, const char *name)
{
	if (!name) {
		for (uint32_t i = 0; i < s->nmemo; i++)
			s->memo[i].stale = true;
		return;
	}
	uint32_t k = 0;
	for (uint32_t i = 0; i < s->nmemo; i++) {
		/* A dereference or index store may alias any such load. */
		bool hit = !name || strcmp(s->memo[i].name, name) == 0 ||
		           (name[0] == '*' && s->memo[i].base != VAL_NONE);
		if (!hit)
			s->memo[k++] = s->memo[i];
	}
	s->nmemo = k;
}

/* Renumber values in order of first reference and drop the unreferenced. */
void state_canon(struct state *s)
{
	uint32_t n = s->nvals;
	uint32_t stack_map[128];
	uint32_t *map = 2 * n <= 128 ? stack_map : xmalloc(sizeof(uint32_t) * 2 * n);
	uint32_t *order = map + n;      /* order[new] = old */
	memset(map, 0, sizeof(uint32_t) * n);
	uint32_t next = 1;
#define CANON_MARK(v) do { if ((v) && !map[v]) { order[next] = (v); map[v] = next++; } } while (0)
	/* A stale entry matters only while a variable names its value. */
	uint32_t kept = 0;
	for (uint32_t i = 0; i < s->nmemo; i++)
		if (!s->memo[i].stale || state_val_in_vars(s, s->memo[i].val, UINT32_MAX))
			s->memo[kept++] = s->memo[i];
	s->nmemo = kept;
	for (uint32_t i = 0; i < s->nvars; i++)
		CANON_MARK(s->vars[i]);
	for (uint32_t i = 0; i < s->nmemo; i++) {
		CANON_MARK(s->memo[i].base);
		CANON_MARK(s->memo[i].val);
	}
	/* An unsettled steal is an obligation even when nothing names the
	 * value any more (a call forgot the load it came from). */
	for (uint32_t v = 1; v < n; v++)
		if (s->vals[v].stolen_unowned && s->vals[v].owned < 0)
			CANON_MARK(v);
	/* Owners of kept values are kept too; `next` grows as we go, so this
	 * reaches the closure. */
	for (uint32_t k = 1; k < next; k++) {
		CANON_MARK(s->vals[order[k]].owner);
		CANON_MARK(s->vals[order[k]].held_by);
	}
#undef CANON_MARK
	struct aval *vals = xmalloc(sizeof(struct aval) * (next + 8));
	memset(&vals[0], 0, sizeof(struct aval));
	for (uint32_t k = 1; k < next; k++) {
		const struct aval *old = &s->vals[order[k]];
		vals[k] = *old;
		vals[k].owner = old->owner ? map[old->owner] : VAL_NONE;
		vals[k].held_by = old->held_by ? map[old->held_by] : VAL_NONE;
	}
	for (uint32_t i = 0; i < s->nvars; i++)
		s->vars[i] = s->vars[i] ? map[s->vars[i]] : VAL_NONE;
	for (uint32_t i = 0; i < s->nmemo; i++) {
		s->memo[i].base = s->memo[i].base ? map[s->memo[i].base] : VAL_NONE;
		s->memo[i].val = map[s->memo[i].val];
	}
	free(s->vals);
	s->vals = vals;
	s->nvals = next;
	s->cap_vals = next + 8;
	if (map != stack_map)
		free(map);
}

enum { WIDEN_SEEN = 1, WIDEN_FLAG = 2 };

void state_widen(struct state *s, const struct ir_func *fn, const bool *flag_vars)
{
	uint32_t n = s->nvals;
	uint8_t stack_seen[256];
	uint8_t *seen = n <= sizeof(stack_seen) ? stack_seen : xmalloc(n);
	memset(seen, 0, n);
	/* The exact values flags hold are kept. */
	for (uint32_t i = 0; flag_vars && i < s->nvars; i++) {
		val_t v = s->vars[i];
		if (v && flag_vars[i] && s->vals[v].lo == s->vals[v].hi)
			seen[v] |= WIDEN_FLAG;
	}
	for (uint32_t v = 1; v < n; v++) {
		struct aval *a = &s->vals[v];
		if (a->is_obj || (seen[v] & WIDEN_FLAG))
			continue;
		uint32_t param = a->param;
		memset(a, 0, sizeof(*a));
		a->lo = INT64_MIN;
		a->hi = INT64_MAX;
		a->param = param;
	}
	/* Variables sharing a plain value (x = y) share nothing any more: the
	 * aliasing of integers is what would tell the states apart. */
	for (uint32_t i = 0; i < s->nvars; i++) {
		val_t v = s->vars[i];
		/* Nor does it matter whether a plain variable was set yet. */
		if (!v && fn && i < fn->nvars && fn->vars[i].kind != IR_VAR_TEMP &&
		    !(fn->vars[i].ty && fn->vars[i].ty->obj_depth)) {
			v = state_new_val(s);
			s->vars[i] = v;
			if (v >= n) {
				continue;
			}
		}
		if (!v || s->vals[v].is_obj)
			continue;
		if (seen[v] & WIDEN_SEEN) {
			val_t c = state_new_val(s);
			s->vals[c] = s->vals[v];
			s->vals[c].param = 0;
			s->vars[i] = c;
		} else {
			seen[v] |= WIDEN_SEEN;
		}
	}
	if (seen != stack_seen)
		free(seen);
	uint32_t k = 0;
	for (uint32_t i = 0; i < s->nmemo; i++)
		if (s->vals[s->memo[i].val].is_obj)
			s->memo[k++] = s->memo[i];
	s->nmemo = k;
}

/* The key is built in place: one reservation, then plain stores. */
#define KEY_WORDS_PER_VAL 8
#define KEY_WORDS_PER_MEMO 3

static void key_put(char **p, uint64_t x)
{
	memcpy(*p, &x, sizeof(x));
	*p += sizeof(x);
}

void state_key(const struct state *s, struct strbuf *out)
{
	size_t need = sizeof(val_t) * s->nvars +
	              8 * ((size_t)s->nvals * KEY_WORDS_PER_VAL + (size_t)s->nmemo * KEY_WORDS_PER_MEMO);
	sb_reset(out);
	VEC_RESERVE(out->buf, out->cap, need + 1);
	char *p = out->buf;
	memcpy(p, s->vars, sizeof(val_t) * s->nvars);
	p += sizeof(val_t) * s->nvars;
	for (uint32_t v = 1; v < s->nvals; v++) {
		const struct aval *a = &s->vals[v];
		key_put(&p, (uint64_t)a->is_obj | (uint64_t)a->ne0 << 1 | (uint64_t)a->origin << 2 |
		            (uint64_t)a->flags << 10 | (uint64_t)(uint32_t)a->owned << 32);
		key_put(&p, (uint64_t)a->owner | (uint64_t)a->acquired << 32);
		key_put(&p, (uint64_t)a->changed | (uint64_t)a->stolen_unowned << 32);
		key_put(&p, (uint64_t)a->lo);
		key_put(&p, (uint64_t)a->hi);
		key_put(&p, (uint64_t)(uintptr_t)a->callee);
		key_put(&p, (uint64_t)a->param | (uint64_t)a->name << 32);
		key_put(&p, (uint64_t)a->held_by | (uint64_t)a->held_at << 32);
	}
	for (uint32_t i = 0; i < s->nmemo; i++) {
		const struct memo_ent *m = &s->memo[i];
		key_put(&p, (uint64_t)m->base | (uint64_t)m->val << 32 | (uint64_t)m->stale << 62 |
		        (uint64_t)m->holds_ref << 63);
		key_put(&p, (uint64_t)(uintptr_t)m->name);
		key_put(&p, (uint64_t)m->index);
	}
	out->len = (size_t)(p - out->buf);
	out->buf[out->len] = '\0';
}

static const char *origin_name(uint8_t o)
{
	static const char *const names[] = {
		"none", "new", "borrowed", "param", "load", "singleton", "unknown"
	};
	return o < sizeof(names) / sizeof(names[0]) ? names[o] : "?";
}

void state_dump(const struct state *s, const struct ir_func *fn, struct strbuf *out)
{
	for (uint32_t i = 0; i < s->nvars && fn && i < fn->nvars; i++)
		if (s->vars[i])
			sb_printf(out, "%s=v%u ", fn->vars[i].name, s->vars[i]);
	sb_add(out, "|");
	for (uint32_t v = 1; v < s->nvals; v++) {
		const struct aval *a = &s->vals[v];
		sb_printf(out, " v%u:", v);
		if (a->is_obj)
			sb_printf(out, "obj(%s,owned=%d%s%s%s%s)", origin_name(a->origin), a->owned,
			          a->flags & VF_RELEASED ? ",released" : "",
			          a->flags & VF_INVALID ? ",invalid" : "",
			          a->flags & VF_MAYFAIL ? ",mayfail" : "",
			          a->owner ? ",owner" : "");
		if (a->lo == a->hi)
			sb_printf(out, "=%" PRId64, a->lo);
		else if (a->ne0)
			sb_add(out, "!=0");
		else if (a->lo != INT64_MIN || a->hi != INT64_MAX)
			sb_printf(out, "[%" PRId64 ",%" PRId64 "]", a->lo, a->hi);
	}
}

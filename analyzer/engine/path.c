/*
 * path.c — turning an exploded path into a finding's story (STYLE §4):
 * where the reference came from, the branches the path took after that,
 * where it was released or invalidated, and the event itself. Notes are
 * phrased as transitions; the renderers decide how they look.
 */
#include "engine/engine_internal.h"

#include "util/xalloc.h"

#include <stdarg.h>
#include <string.h>

#define PATH_MAX_BRANCH_NOTES 8

/* Findings outlive the TU: file names are copied into the list's arena,
 * once per file per function run (ctx caches the last copy). */
struct finding_loc path_loc(const struct engine_ctx *ctx, struct ir_loc loc)
{
	struct finding_loc f;
	struct engine_ctx *c = (struct engine_ctx *)ctx;
	if (!c->file_copy || c->file_copy_index != loc.file) {
		c->file_copy = finding_strdup(c->out, ir_file_name(ctx->tu, loc.file));
		c->file_copy_index = loc.file;
	}
	f.file = c->file_copy;
	f.line = loc.line;
	f.col = loc.col;
	f.end_line = loc.end_line;
	f.end_col = loc.end_col;
	return f;
}

void engine_describe(const struct engine_ctx *ctx, const struct aval *v, struct strbuf *out)
{
	if (v->name && v->name <= ctx->fn->nvars)
		sb_printf(out, "'%s'", ctx->fn->vars[v->name - 1].name);
	else if (v->callee)
		sb_printf(out, "the result of %s", v->callee);
	else
		sb_add(out, "the object");
}

static void acquire_note(const struct engine_ctx *ctx, const struct aval *v, struct strbuf *sb)
{
	switch (v->origin) {
	case ORIG_NEW:
		if (v->callee)
			sb_printf(sb, "new reference from %s%s", v->callee,
			          v->flags & VF_ASSUMED ? " (assumed: the function is not described)" : "");
		else
			sb_add(sb, "new reference");
		break;
	case ORIG_BORROWED:
		sb_printf(sb, "borrowed reference from %s", v->callee ? v->callee : "a call");
		break;
	case ORIG_PARAM:
		sb_add(sb, "a parameter: a borrowed reference");
		break;
	case ORIG_LOAD:
		sb_add(sb, "read from memory: a borrowed reference");
		break;
	case ORIG_SINGLETON:
		sb_printf(sb, "borrowed reference to the static object %s", v->callee ? v->callee : "");
		break;
	default:
		break;
	}
}

static void change_note(const struct aval *v, struct strbuf *sb)
{
	if (v->flags & VF_RELEASED)
		sb_add(sb, "released here; the function no longer owns it");
	else if (v->flags & VF_INVALID)
		sb_printf(sb, "%s may free or replace it here", v->invalidator ? v->invalidator
		                                                  : "releasing its owner");
	else if (v->flags & VF_HANDED)
		sb_add(sb, "handed over here; the function no longer owns it");
	else
		sb_add(sb, "released here");
}

/* The path's nodes, entry first. */
static uint32_t path_nodes(const struct engine_ctx *ctx, uint32_t **out)
{
	uint32_t n = 0;
	for (uint32_t k = ctx->cur_node; k != UINT32_MAX; k = ctx->nodes[k].parent)
		n++;
	uint32_t *nodes = xmalloc(sizeof(uint32_t) * (n ? n : 1));
	uint32_t i = n;
	for (uint32_t k = ctx->cur_node; k != UINT32_MAX; k = ctx->nodes[k].parent)
		nodes[--i] = k;
	*out = nodes;
	return n;
}

/* The last position on the path where `point` could have executed. */
static int32_t point_position(const struct engine_ctx *ctx, const uint32_t *nodes, uint32_t n,
                              uint32_t point)
{
	if (point == POINT_NONE)
		return -1;
	for (uint32_t i = n; i-- > 0;)
		if (ctx->nodes[nodes[i]].block == POINT_BLOCK(point))
			return (int32_t)i;
	return -1;
}

static void branch_note(const struct engine_ctx *ctx, const struct enode *nd, struct strbuf *sb)
{
	const struct ir_block *from = &ctx->fn->blocks[POINT_BLOCK(nd->from_point)];
	struct strbuf cond = STRBUF_INIT;
	if (from->term.cond)
		eval_expr_text(ctx, from->term.cond, &cond);
	/* Conditions lowering made up (temporaries of && and ?:) read badly. */
	bool named = cond.len && cond.len < 80 && !strchr(sb_str(&cond), '?');
	if (from->term.kind == IR_T_BRANCH && named)
		sb_printf(sb, "'%s' is %s", sb_str(&cond), nd->edge ? "true" : "false");
	else if (from->term.kind == IR_T_BRANCH)
		sb_printf(sb, "taking the %s branch", nd->edge ? "true" : "false");
	else if (nd->edge >= 0 && (uint32_t)nd->edge < from->term.ncases)
		sb_printf(sb, "taking case %lld%s%s", (long long)from->term.cases[nd->edge].lo,
		          named ? " of " : "", named ? sb_str(&cond) : "");
	else
		sb_add(sb, "taking the default case");
	sb_dispose(&cond);
}

void path_fill(struct engine_ctx *ctx, struct finding *f, val_t val, const struct aval *v)
{
	struct finding_list *l = ctx->out;
	uint32_t *nodes;
	uint32_t n = path_nodes(ctx, &nodes);
	struct strbuf sb = STRBUF_INIT;
	int32_t acq_pos = -1, chg_pos = -1;
	bool has_acq = val && v && v->is_obj && v->origin != ORIG_NONE && v->origin != ORIG_UNKNOWN;
	if (has_acq) {
		acq_pos = point_position(ctx, nodes, n, v->acquired);
		if (v->acquired == POINT_NONE)
			acq_pos = 0;
		acquire_note(ctx, v, &sb);
		struct ir_loc aloc = v->acquired == POINT_NONE && v->param && v->param <= ctx->fn->nvars
			? ctx->fn->vars[v->param - 1].loc : engine_point_loc(ctx, v->acquired);
		if (sb.len) {
			finding_add_step(l, f, STEP_ACQUIRE, path_loc(ctx, aloc), sb_str(&sb));
			f->has_related = true;
			f->related = path_loc(ctx, aloc);
			f->related_msg = finding_strdup(l, sb_str(&sb));
		}
	}
	bool has_chg = val && v && v->changed && (v->flags & (VF_RELEASED | VF_INVALID | VF_HANDED));
	if (has_chg)
		chg_pos = point_position(ctx, nodes, n, v->changed);
	/* Branch notes after the acquisition, at most the last few. */
	uint32_t first = acq_pos < 0 ? 1 : (uint32_t)acq_pos + 1;
	uint32_t nbranch = 0;
	for (uint32_t i = first; i < n; i++)
		if (ctx->nodes[nodes[i]].edge != -2)
			nbranch++;
	uint32_t skip = nbranch > PATH_MAX_BRANCH_NOTES ? nbranch - PATH_MAX_BRANCH_NOTES : 0;
	bool chg_done = !has_chg;
	for (uint32_t i = first; i < n; i++) {
		const struct enode *nd = &ctx->nodes[nodes[i]];
		if (!chg_done && (int32_t)i > chg_pos) {
			sb_reset(&sb);
			change_note(v, &sb);
			finding_add_step(l, f, STEP_RELEASE, path_loc(ctx, engine_point_loc(ctx, v->changed)),
			                 sb_str(&sb));
			chg_done = true;
		}
		if (nd->edge == -2)
			continue;
		if (skip) {
			skip--;
			continue;
		}
		sb_reset(&sb);
		branch_note(ctx, nd, &sb);
		finding_add_step(l, f, STEP_BRANCH, path_loc(ctx, engine_point_loc(ctx, nd->from_point)),
		                 sb_str(&sb));
	}
	if (!chg_done) {
		sb_reset(&sb);
		change_note(v, &sb);
		finding_add_step(l, f, STEP_RELEASE, path_loc(ctx, engine_point_loc(ctx, v->changed)),
		                 sb_str(&sb));
	}
	sb_dispose(&sb);
	free(nodes);
}

static uint64_t finding_key(int rule, struct ir_loc loc, const struct aval *v)
{
	uint64_t k = (uint64_t)rule * 0x9E3779B97F4A7C15ull;
	k ^= ((uint64_t)loc.file << 48) ^ ((uint64_t)loc.line << 20) ^ loc.col;
	/* One finding per location (DESIGN §4), whatever path or value led
	 * there — except that two references leaking at one return are two
	 * bugs: leaks count per variable (an accumulator overwritten in a loop
	 * is one, whatever iteration made the value), or per acquisition. */
	uint64_t who = 0;
	if (v && rule == RULE_REFCOUNT_LEAK)
		who = v->name ? (uint64_t)v->name << 32 : v->acquired;
	k = k * 0xBF58476D1CE4E5B9ull + who;
	return k;
}

static struct finding *make_finding(struct engine_ctx *ctx, int rule, struct ir_loc loc,
                                    val_t val, const struct aval *v, const char *fmt, va_list ap)
{
	uint64_t key = finding_key(rule, loc, v);
	for (uint32_t i = 0; i < ctx->nkeys; i++)
		if (ctx->keys[i] == key)
			return NULL;
	VEC_PUSH(ctx->keys, ctx->nkeys, ctx->cap_keys, key);
	struct finding_list *l = ctx->out;
	struct finding *f = finding_new(l);
	struct strbuf sb = STRBUF_INIT;
	sb_vprintf(&sb, fmt, ap);
	f->rule = rule;
	f->loc = path_loc(ctx, loc);
	f->function = finding_strdup(l, ctx->fn->name);
	f->message = finding_strdup(l, sb_str(&sb));
	f->key = key;
	if (ctx->cur)
		path_fill(ctx, f, val, v);
	finding_add_step(l, f, STEP_EVENT, f->loc, f->message);
	sb_dispose(&sb);
	return f;
}

void engine_report(struct engine_ctx *ctx, int rule, struct ir_loc loc, val_t val,
                   const struct aval *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct finding *f = make_finding(ctx, rule, loc, val, v, fmt, ap);
	va_end(ap);
	if (f)
		finding_append(ctx->out, f);
}

struct finding *engine_report_later(struct engine_ctx *ctx, int rule, struct ir_loc loc,
                                    val_t val, const struct aval *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct finding *f = make_finding(ctx, rule, loc, val, v, fmt, ap);
	va_end(ap);
	return f;
}

void engine_commit(struct engine_ctx *ctx, struct finding *f)
{
	if (f)
		finding_append(ctx->out, f);
}

void engine_add_note(struct engine_ctx *ctx, struct finding *f, struct ir_loc loc,
                     const char *msg)
{
	if (!f)
		return;
	finding_add_step(ctx->out, f, STEP_OTHER, path_loc(ctx, loc), msg);
	/* Keep the event last. */
	struct finding_step *st = f->steps;
	uint32_t n = f->nsteps;
	if (n >= 2 && st[n - 2].kind == STEP_EVENT) {
		struct finding_step t = st[n - 2];
		st[n - 2] = st[n - 1];
		st[n - 1] = t;
	}
}

void engine_discard(struct engine_ctx *ctx, struct finding *f)
{
	(void)ctx;
	(void)f;    /* arena memory: freed with the list */
}

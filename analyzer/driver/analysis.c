/*
 * analysis.c — the first, placeholder analysis stage (see analysis.h):
 * it counts the functions the front end lowered and skipped, prints a
 * compiler-style note for each skipped function, and knows one debug
 * intrinsic so the driver's "findings" exit status can be tested end to
 * end before the engine exists:
 *
 *   a call to refcheck_debug_finding() is reported as a finding
 *   `file:line:col: warning: refcheck_debug_finding() reached [refcheck-debug]`.
 *
 * Counting happens when results are printed (main thread, in order), so
 * nothing here is shared between workers.
 */
#include "analysis.h"

#include "../ir/ir.h"
#include "../util/err.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#include <string.h>

struct analysis {
	unsigned files, functions, skipped, findings;
};

struct analysis_tu_result {
	unsigned functions, skipped, findings;
	char *text;     /* what to print, ready */
};

struct analysis *analysis_new(const struct analysis_options *opt, struct err *e)
{
	(void)opt;
	(void)e;
	return xcalloc(1, sizeof(struct analysis));
}

static void loc_prefix(struct strbuf *sb, const struct ir_tu *tu, struct ir_loc loc)
{
	sb_printf(sb, "%s:%u:%u: ", ir_file_name(tu, loc.file), loc.line, loc.col);
}

int analysis_run_tu(struct analysis *a, const struct ir_tu *tu, struct analysis_tu_result **out)
{
	(void)a;
	struct analysis_tu_result *r = xcalloc(1, sizeof(*r));
	struct strbuf sb = STRBUF_INIT;
	for (uint32_t f = 0; f < tu->nfuncs; f++) {
		const struct ir_func *fn = &tu->funcs[f];
		if (fn->skipped) {
			r->skipped++;
			loc_prefix(&sb, tu, fn->loc);
			sb_printf(&sb, "note: function '%s' skipped: %s\n", fn->name, fn->skipped);
			continue;
		}
		r->functions++;
		for (uint32_t b = 0; b < fn->nblocks; b++) {
			const struct ir_block *blk = &fn->blocks[b];
			for (uint32_t s = 0; s < blk->nstmts; s++) {
				const struct ir_stmt *st = &blk->stmts[s];
				if (st->kind != IR_S_CALL || !st->call.callee ||
				    strcmp(st->call.callee, "refcheck_debug_finding") != 0)
					continue;
				r->findings++;
				loc_prefix(&sb, tu, st->loc);
				sb_add(&sb, "warning: refcheck_debug_finding() reached [refcheck-debug]\n");
			}
		}
	}
	r->text = sb_detach(&sb);
	*out = r;
	return 0;
}

void analysis_print_tu_result(struct analysis *a, const struct analysis_tu_result *r, FILE *out)
{
	a->files++;
	a->functions += r->functions;
	a->skipped += r->skipped;
	a->findings += r->findings;
	fputs(r->text, out);
}

void analysis_tu_result_free(struct analysis_tu_result *r)
{
	if (!r)
		return;
	free(r->text);
	free(r);
}

int analysis_summary(struct analysis *a, FILE *out)
{
	fprintf(out, "refcheck: %u file%s, %u function%s analysed, %u skipped, %u finding%s\n",
	        a->files, a->files == 1 ? "" : "s", a->functions, a->functions == 1 ? "" : "s",
	        a->skipped, a->findings, a->findings == 1 ? "" : "s");
	return (int)a->findings;
}

void analysis_free(struct analysis *a)
{
	free(a);
}

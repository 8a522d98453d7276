/*
 * cli.c — `refcheck report`, `diff` and `baseline` (see cli.h). They read
 * (or, for the baseline, write) the database; findings are printed with the
 * same renderers as `check` (report/render.h), and a one-line account of
 * what was shown goes to standard error.
 */
#include "store/cli.h"

#include "report/finding.h"
#include "report/render.h"
#include "report/source.h"
#include "report/text.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(struct store_cli_status *st, const struct err *e)
{
	fprintf(stderr, "refcheck: %serror: %s\n", e->code == ERR_INTERNAL ? "internal " : "", e->msg);
	if (e->code == ERR_INTERNAL)
		st->internal_error = true;
	else
		st->input_error = true;
}

/* "latest", NULL or a positive number → a run id that exists. */
static int resolve_run(struct store *s, const char *spec, int64_t *out, struct err *e)
{
	if (!spec || strcmp(spec, "latest") == 0) {
		int error = store_run_latest(s, out, e);
		if (error == 0 && *out == 0)
			error = err_set(e, ERR_NOTFOUND, "%s: no complete run yet", store_path(s));
		return error;
	}
	char *end;
	errno = 0;
	long long v = strtoll(spec, &end, 10);
	if (errno || end == spec || *end || v <= 0)
		return err_set(e, ERR_INVALID, "'%s' is not a run number (or 'latest')", spec);
	struct store_run_info info;
	int error = store_run_get(s, v, &info, e);
	if (error == 0)
		store_run_info_dispose(&info);
	*out = v;
	return error;
}

struct output {
	FILE *f;
	struct source_cache *sc;
	struct report_render r;
	struct analyze_stats stats;
	unsigned files;
	unsigned baselined;         /* of stats.suppressed, those by the baseline */
};

static int output_open(struct output *o, const struct store_cli_options *opt, struct err *e)
{
	memset(o, 0, sizeof(*o));
	o->f = opt->output ? fopen(opt->output, "w") : stdout;
	if (!o->f)
		return err_set(e, ERR_INVALID, "%s: cannot write: %s", opt->output, strerror(errno));
	o->sc = source_cache_new();
	report_render_begin(&o->r, (enum report_format)opt->format, o->f, opt->color, o->sc);
	return 0;
}

static void output_list(struct output *o, const struct finding_list *l)
{
	for (uint32_t i = 0; i < l->n; i++) {
		const struct finding *f = l->items[i];
		if (f->suppressed) {
			o->stats.suppressed++;
			o->baselined += f->suppression && strcmp(f->suppression, "baseline") == 0;
		} else {
			o->stats.findings++;
			if (f->rule >= 0 && f->rule < RULE__COUNT)
				o->stats.by_rule[f->rule]++;
		}
		report_render_finding(&o->r, f);
	}
}

static int output_close(struct output *o, void *extra, struct err *e)
{
	int error = report_render_end(&o->r, o->files, &o->stats, extra, e);
	if (o->f != stdout)
		fclose(o->f);
	source_cache_free(o->sc);
	return error;
}

void store_cli_report(const struct store_cli_options *o, struct store_cli_status *st)
{
	struct store *s = NULL;
	struct err e = { 0 };
	struct finding_list l;
	struct output out;
	int64_t run = 0;
	struct store_run_info info = { 0 };
	finding_list_init(&l);
	if (store_open(&s, o->db, STORE_OPEN_READ, &e) < 0 || resolve_run(s, o->run, &run, &e) < 0 ||
	    store_run_get(s, run, &info, &e) < 0 ||
	    store_run_findings(s, run, o->which, &l, NULL, &e) < 0 || output_open(&out, o, &e) < 0)
		goto cleanup;
	output_list(&out, &l);
	json_t *extra = json_pack("{s:I,s:s,s:b}", "run", (json_int_t)run, "which",
	                          o->which == STORE_UNCHANGED ? "all" : store_state_name(o->which),
	                          "complete", info.complete);
	if (output_close(&out, extra, &e) < 0)
		goto cleanup;
	fprintf(stderr, "refcheck: run %lld (%s%s): %u %sfinding%s shown, %u suppressed inline, "
	        "%u in the baseline; the run had %u finding%s, %u new, %u fixed\n", (long long)run,
	        info.started, info.complete ? "" : ", incomplete", out.stats.findings,
	        o->which == STORE_NEW ? "new " : o->which == STORE_FIXED ? "fixed " : "",
	        out.stats.findings == 1 ? "" : "s", out.stats.suppressed - out.baselined,
	        out.baselined, info.counts.findings,
	        info.counts.findings == 1 ? "" : "s", info.counts.new_findings, info.counts.fixed);
cleanup:
	if (e.code)
		fail(st, &e);
	store_run_info_dispose(&info);
	finding_list_dispose(&l);
	store_close(s);
}

void store_cli_diff(const struct store_cli_options *o, const char *a, const char *b,
                    struct store_cli_status *st)
{
	struct store *s = NULL;
	struct err e = { 0 };
	struct finding_list added, removed;
	struct output out;
	int64_t ra = 0, rb = 0;
	finding_list_init(&added);
	finding_list_init(&removed);
	if (store_open(&s, o->db, STORE_OPEN_READ, &e) < 0 || resolve_run(s, a, &ra, &e) < 0 ||
	    resolve_run(s, b, &rb, &e) < 0 || store_diff(s, ra, rb, &added, &removed, &e) < 0 ||
	    output_open(&out, o, &e) < 0)
		goto cleanup;
	bool text = o->format == REPORT_TEXT;
	if (text)
		fprintf(out.f, "refcheck: %u finding%s in run %lld and not in run %lld:\n", added.n,
		        added.n == 1 ? "" : "s", (long long)rb, (long long)ra);
	output_list(&out, &added);
	st->findings = out.stats.findings;
	if (text) {
		fprintf(out.f, "refcheck: %u finding%s in run %lld and not in run %lld:\n", removed.n,
		        removed.n == 1 ? "" : "s", (long long)ra, (long long)rb);
		output_list(&out, &removed);
	}
	json_t *extra = json_pack("{s:I,s:I,s:i,s:i}", "from_run", (json_int_t)ra, "to_run",
	                          (json_int_t)rb, "added", (int)added.n, "removed", (int)removed.n);
	if (output_close(&out, extra, &e) == 0)
		fprintf(stderr, "refcheck: run %lld → run %lld: %u added, %u removed\n", (long long)ra,
		        (long long)rb, added.n, removed.n);
cleanup:
	if (e.code)
		fail(st, &e);
	finding_list_dispose(&added);
	finding_list_dispose(&removed);
	store_close(s);
}

static void baseline_show(struct store *s, struct store_cli_status *st, struct err *e)
{
	struct finding_list l;
	finding_list_init(&l);
	if (store_baseline_list(s, &l, e) == 0) {
		for (uint32_t i = 0; i < l.n; i++) {
			const struct finding *f = l.items[i];
			printf("%s:%u: %s in %s: %s [%s] %s\n", f->loc.file, f->loc.line,
			       rule_severity_name(rule_severity(f->rule)), f->function, f->message,
			       rule_name(f->rule), f->fingerprint);
		}
		fprintf(stderr, "refcheck: %u finding%s in the baseline of %s\n", l.n,
		        l.n == 1 ? "" : "s", store_path(s));
	}
	finding_list_dispose(&l);
}

void store_cli_baseline(const struct store_cli_options *o, const char *action,
                        struct store_cli_status *st)
{
	struct store *s = NULL;
	struct err e = { 0 };
	uint32_t n = 0;
	int64_t run = 0;
	bool writes = strcmp(action, "show") != 0;
	if (store_open(&s, o->db, writes ? STORE_OPEN_WRITE : STORE_OPEN_READ, &e) < 0)
		goto cleanup;
	if (strcmp(action, "create") == 0) {
		if (resolve_run(s, o->run, &run, &e) == 0 && store_baseline_create(s, run, &n, &e) == 0)
			fprintf(stderr, "refcheck: baseline of %s: %u finding%s of run %lld\n",
			        store_path(s), n, n == 1 ? "" : "s", (long long)run);
	} else if (strcmp(action, "clear") == 0) {
		if (store_baseline_clear(s, &n, &e) == 0)
			fprintf(stderr, "refcheck: baseline of %s cleared (%u finding%s)\n", store_path(s),
			        n, n == 1 ? "" : "s");
	} else {
		baseline_show(s, st, &e);
	}
cleanup:
	if (e.code)
		fail(st, &e);
	store_close(s);
}

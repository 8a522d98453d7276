/*
 * json.c — the JSON renderer (see json.h), with jansson. Findings are
 * written one at a time so memory stays flat on large runs.
 */
#include "report/json.h"

#include "util/strbuf.h"

#include <jansson.h>
#include <string.h>

void *report_json_string(const char *s)
{
	if (!s)
		return json_null();
	json_t *j = json_string(s);
	if (j)
		return j;
	/* Not valid UTF-8: keep the ASCII bytes, replace the others. */
	struct strbuf sb = STRBUF_INIT;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x80)
			sb_addc(&sb, (char)*p);
		else
			sb_add(&sb, "\xEF\xBF\xBD");
	}
	j = json_string(sb_str(&sb));
	sb_dispose(&sb);
	return j;
}

static json_t *loc_object(const struct finding_loc *l, const char *msg)
{
	json_t *o = json_object();
	json_object_set_new(o, "file", report_json_string(l->file));
	json_object_set_new(o, "line", json_integer(l->line));
	json_object_set_new(o, "column", json_integer(l->col));
	if (msg)
		json_object_set_new(o, "message", report_json_string(msg));
	return o;
}

static const char *step_kind_name(enum step_kind k)
{
	switch (k) {
	case STEP_ACQUIRE: return "acquire";
	case STEP_BRANCH: return "branch";
	case STEP_RELEASE: return "release";
	case STEP_EVENT: return "event";
	default: return "other";
	}
}

void report_json_begin(struct json_writer *w, FILE *out)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
	w->notes = json_array();
	fprintf(out, "{\"tool\": \"refcheck\", \"version\": \"%s\", \"findings\": [", REFCHECK_VERSION);
}

void report_json_finding(struct json_writer *w, const struct finding *f)
{
	json_t *o = json_object();
	json_object_set_new(o, "rule", json_string(rule_name(f->rule)));
	json_object_set_new(o, "severity", json_string(rule_severity_name(rule_severity(f->rule))));
	json_object_set_new(o, "file", report_json_string(f->loc.file));
	json_object_set_new(o, "line", json_integer(f->loc.line));
	json_object_set_new(o, "column", json_integer(f->loc.col));
	json_object_set_new(o, "end_line", json_integer(f->loc.end_line));
	json_object_set_new(o, "end_column", json_integer(f->loc.end_col));
	json_object_set_new(o, "function", report_json_string(f->function));
	json_object_set_new(o, "message", report_json_string(f->message));
	json_object_set_new(o, "suppressed", json_boolean(f->suppressed));
	if (f->suppressed)
		json_object_set_new(o, "suppression", report_json_string(f->suppression));
	if (f->has_related)
		json_object_set_new(o, "related", loc_object(&f->related, f->related_msg));
	json_t *steps = json_array();
	for (uint32_t i = 0; i < f->nsteps; i++) {
		json_t *s = loc_object(&f->steps[i].loc, f->steps[i].msg);
		json_object_set_new(s, "kind", json_string(step_kind_name(f->steps[i].kind)));
		json_array_append_new(steps, s);
	}
	json_object_set_new(o, "steps", steps);
	fputs(w->nfindings++ ? ",\n  " : "\n  ", w->out);
	json_dumpf(o, w->out, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
}

void report_json_note(struct json_writer *w, const struct analyze_note *n)
{
	json_t *o = loc_object(&n->loc, NULL);
	json_object_set_new(o, "kind", json_string(n->kind == NOTE_SKIPPED ? "skipped" : "partial"));
	json_object_set_new(o, "function", report_json_string(n->function));
	json_object_set_new(o, "reason", report_json_string(n->reason));
	json_array_append_new(w->notes, o);
	w->nnotes++;
}

void report_json_end(struct json_writer *w, unsigned files, const struct analyze_stats *st,
                     void *extra)
{
	fputs(w->nfindings ? "\n], \"notes\": " : "], \"notes\": ", w->out);
	json_dumpf(w->notes, w->out, JSON_COMPACT);
	json_decref(w->notes);
	w->notes = NULL;
	json_t *sum = extra ? (json_t *)extra : json_object();
	json_object_set_new(sum, "files", json_integer(files));
	json_object_set_new(sum, "functions", json_integer(st->functions));
	json_object_set_new(sum, "analysed", json_integer(st->analysed));
	json_object_set_new(sum, "partial", json_integer(st->partial));
	json_object_set_new(sum, "skipped", json_integer(st->skipped));
	json_object_set_new(sum, "findings", json_integer(st->findings));
	json_object_set_new(sum, "suppressed", json_integer(st->suppressed));
	json_t *by = json_object();
	for (int i = 0; i < RULE__COUNT; i++)
		if (st->by_rule[i])
			json_object_set_new(by, rule_name(i), json_integer(st->by_rule[i]));
	json_object_set_new(sum, "by_rule", by);
	fputs(", \"summary\": ", w->out);
	json_dumpf(sum, w->out, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(sum);
	fputs("}\n", w->out);
}

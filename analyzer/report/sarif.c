/*
 * sarif.c — the SARIF 2.1.0 renderer (see sarif.h).
 *
 * Each result is built as a small jansson tree and dumped compactly; the
 * document around the results is written by hand (tech.md §2: streaming is
 * 3.5× faster than one tree and keeps memory flat). Strings pass through
 * json_str, which replaces invalid UTF-8 by U+FFFD: jansson refuses such
 * strings, and a Latin-1 comment must not lose a finding.
 */
#include "report/sarif.h"

#include "report/finding.h"
#include "report/rule_text.h"
#include "report/rules.h"
#include "report/source.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/xalloc.h"

#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define INFO_URI "https://github.com/refcheck/refcheck"

struct report_sarif {
	FILE *out;
	struct report_sarif_opts o;
	char *root;                 /* absolute, no trailing slash */
	struct strmap uris;         /* finding path → struct uri */
	json_t *notes;              /* toolExecutionNotifications */
	uint32_t nresults, dropped_results, truncated_flows;
};

struct uri {
	char *text;
	bool relative;              /* relative to %SRCROOT% */
};

/* ---- strings ---- */

/* A copy of s with each byte that does not start a valid UTF-8 sequence
 * replaced by U+FFFD. */
static char *utf8_clean(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3 : (*p >> 3) == 30 ? 4 : 0;
		for (int i = 1; i < n; i++)
			if ((p[i] & 0xc0) != 0x80)
				n = 0;
		if (n == 0) {
			sb_add(&sb, "\xef\xbf\xbd");
			p++;
		} else {
			sb_addn(&sb, (const char *)p, (size_t)n);
			p += n;
		}
	}
	return sb_detach(&sb);
}

static json_t *json_str(const char *s)
{
	json_t *j = json_string(s ? s : "");
	if (!j) {
		char *clean = utf8_clean(s);
		j = json_string(clean);
		free(clean);
	}
	return j;
}

static json_t *text_msg(const char *s)
{
	return json_pack("{s:o}", "text", json_str(s));
}

char *report_uri_encode(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	struct strbuf sb = STRBUF_INIT;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p)) {
			sb_addc(&sb, (char)*p);
		} else {
			sb_addc(&sb, '%');
			sb_addc(&sb, hex[*p >> 4]);
			sb_addc(&sb, hex[*p & 15]);
		}
	}
	if (!sb.buf)
		sb_add(&sb, "");
	return sb_detach(&sb);
}

/* ---- paths ---- */

static char *absolute(const char *path)
{
	char buf[PATH_MAX];
	if (realpath(path, buf))
		return xstrdup(buf);
	if (path[0] == '/' || !getcwd(buf, sizeof(buf)))
		return xstrdup(path);
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "%s/%s", buf, path);
	return sb_detach(&sb);
}

static const struct uri *uri_of(struct report_sarif *s, const char *path)
{
	struct uri *u = strmap_get(&s->uris, path);
	if (u)
		return u;
	u = xcalloc(1, sizeof(*u));
	char *abs = absolute(path);
	size_t n = strlen(s->root);
	if (strncmp(abs, s->root, n) == 0 && abs[n] == '/') {
		u->text = report_uri_encode(abs + n + 1);
		u->relative = true;
	} else {
		char *enc = report_uri_encode(abs);
		struct strbuf sb = STRBUF_INIT;
		sb_printf(&sb, "file://%s", enc);
		u->text = sb_detach(&sb);
		free(enc);
	}
	free(abs);
	strmap_put(&s->uris, xstrdup(path), u);
	return u;
}

/* ---- locations ---- */

/* A 1-based byte column as a 1-based UTF-16 column of `line`. */
static uint32_t utf16_col(const char *line, size_t len, uint32_t col)
{
	uint32_t units = 0;
	size_t i = 0;
	for (; i < len && i + 1 < col; i++) {
		unsigned char c = (unsigned char)line[i];
		if ((c & 0xc0) == 0x80)
			continue;               /* continuation byte */
		units += c >= 0xf0 ? 2 : 1;     /* 4-byte sequences are surrogate pairs */
	}
	return units + 1 + (col > i + 1 ? (uint32_t)(col - 1 - i) : 0);
}

static uint32_t column(struct report_sarif *s, const char *file, uint32_t line, uint32_t col)
{
	size_t len;
	const char *text = s->o.src ? source_line(s->o.src, file, line, &len) : NULL;
	return text ? utf16_col(text, len, col) : col;
}

static json_t *region(struct report_sarif *s, const struct finding_loc *l)
{
	json_t *r = json_object();
	json_object_set_new(r, "startLine", json_integer(l->line));
	if (l->col)
		json_object_set_new(r, "startColumn",
		                    json_integer(column(s, l->file, l->line, l->col)));
	bool has_end = l->end_line > l->line || (l->end_line == l->line && l->end_col > l->col);
	if (has_end && l->col && l->end_col) {
		json_object_set_new(r, "endLine", json_integer(l->end_line));
		json_object_set_new(r, "endColumn",
		                    json_integer(column(s, l->file, l->end_line, l->end_col)));
	}
	return r;
}

static json_t *physical(struct report_sarif *s, const struct finding_loc *l, const char *fallback)
{
	const char *file = l->file ? l->file : fallback;
	const struct uri *u = uri_of(s, file);
	json_t *art = json_pack("{s:s}", "uri", u->text);
	if (u->relative)
		json_object_set_new(art, "uriBaseId", json_string("%SRCROOT%"));
	json_t *p = json_pack("{s:o}", "artifactLocation", art);
	if (l->line)
		json_object_set_new(p, "region", region(s, l));
	return p;
}

/* ---- results ---- */

static const char *step_kind_name(enum step_kind k)
{
	switch (k) {
	case STEP_ACQUIRE: return "acquire";
	case STEP_BRANCH: return "branch";
	case STEP_RELEASE: return "release";
	case STEP_EVENT: return "exit";
	default: return "call";
	}
}

static json_t *flow_location(struct report_sarif *s, const struct finding *f, uint32_t i,
                             uint32_t order)
{
	const struct finding_step *st = &f->steps[i];
	json_t *loc = json_pack("{s:o,s:o}", "physicalLocation", physical(s, &st->loc, f->loc.file),
	                        "message", text_msg(st->msg));
	return json_pack("{s:o,s:i,s:i,s:[s]}", "location", loc, "executionOrder", (json_int_t)order,
	                 "nestingLevel", 0, "kinds", step_kind_name(st->kind));
}

/* The path; past max_steps, the first max_steps - 1 steps and the last. */
static json_t *code_flows(struct report_sarif *s, const struct finding *f)
{
	json_t *locs = json_array();
	uint32_t keep = f->nsteps;
	if (keep > s->o.max_steps) {
		keep = s->o.max_steps;
		s->truncated_flows++;
	}
	for (uint32_t i = 0; i < keep; i++) {
		uint32_t step = i + 1 == keep ? f->nsteps - 1 : i;
		json_array_append_new(locs, flow_location(s, f, step, i + 1));
	}
	return json_pack("[{s:o,s:[{s:o}]}]", "message", text_msg(f->message), "threadFlows",
	                 "locations", locs);
}

static json_t *result(struct report_sarif *s, const struct finding *f)
{
	json_t *loc = json_pack("{s:o}", "physicalLocation", physical(s, &f->loc, f->loc.file));
	if (f->function && *f->function)
		json_object_set_new(loc, "logicalLocations",
		                    json_pack("[{s:o,s:s}]", "name", json_str(f->function),
		                              "kind", "function"));
	json_t *r = json_pack("{s:s,s:s,s:o,s:[o]}", "ruleId", rule_name(f->rule),
	                      "level", rule_severity_name(rule_severity(f->rule)),
	                      "message", text_msg(f->message), "locations", loc);
	if (f->rule >= 0 && f->rule < RULE__COUNT)
		json_object_set_new(r, "ruleIndex", json_integer(f->rule));
	if (f->fingerprint)
		json_object_set_new(r, "partialFingerprints",
		                    json_pack("{s:s}", "primaryLocationLineHash", f->fingerprint));
	if (f->nsteps)
		json_object_set_new(r, "codeFlows", code_flows(s, f));
	if (f->has_related)
		json_object_set_new(r, "relatedLocations",
		                    json_pack("[{s:i,s:o,s:o}]", "id", 1, "physicalLocation",
		                              physical(s, &f->related, f->loc.file), "message",
		                              text_msg(f->related_msg)));
	if (f->suppressed) {
		bool inline_comment = !f->suppression || strcmp(f->suppression, "baseline") != 0;
		json_object_set_new(r, "suppressions",
			json_pack("[{s:s,s:s}]", "kind", inline_comment ? "inSource" : "external",
			          "justification", inline_comment
			                  ? "suppressed by a `refcheck: ignore[...]` comment"
			                  : "accepted in the refcheck baseline"));
	}
	return r;
}

/* ---- the document ---- */

static json_t *rule_descriptor(int rule)
{
	const struct rule_text *t = rule_text(rule);
	enum rule_severity sev = rule_severity(rule);
	struct strbuf md = STRBUF_INIT;
	sb_printf(&md, "**%s** (`%s`)\n\n%s\n\n%s", t->shortdesc, rule_name(rule), t->fulldesc, t->help);
	json_t *r = json_pack("{s:s,s:s,s:{s:s},s:{s:s},s:{s:s,s:s},s:{s:s},s:{s:[s,s],s:s,s:s}}",
		"id", rule_name(rule), "name", t->name,
		"shortDescription", "text", t->shortdesc,
		"fullDescription", "text", t->fulldesc,
		"help", "text", t->help, "markdown", sb_str(&md),
		"defaultConfiguration", "level", rule_severity_name(sev),
		"properties", "tags", "reliability", "refcount", "precision", t->precision,
		"problem.severity", sev == SEV_NOTE ? "recommendation" : rule_severity_name(sev));
	sb_dispose(&md);
	return r;
}

static json_t *run_head(struct report_sarif *s)
{
	json_t *rules = json_array();
	for (int i = 0; i < RULE__COUNT; i++)
		json_array_append_new(rules, rule_descriptor(i));
	char *root = report_uri_encode(s->root);
	struct strbuf uri = STRBUF_INIT;
	sb_printf(&uri, "file://%s/", root);
	free(root);
	json_t *run = json_pack("{s:{s:{s:s,s:s,s:s,s:s,s:o}},s:{s:{s:s}},s:s}",
		"tool", "driver", "name", "refcheck", "version", s->o.version ? s->o.version : "",
		"semanticVersion", s->o.version ? s->o.version : "0.0.0",
		"informationUri", INFO_URI, "rules", rules,
		"originalUriBaseIds", "%SRCROOT%", "uri", sb_str(&uri),
		"columnKind", "utf16CodeUnits");
	sb_dispose(&uri);
	return run;
}

struct report_sarif *report_sarif_begin(FILE *out, const struct report_sarif_opts *o)
{
	struct report_sarif *s = xcalloc(1, sizeof(*s));
	s->out = out;
	s->o = *o;
	if (!s->o.max_results)
		s->o.max_results = REPORT_SARIF_MAX_RESULTS;
	if (!s->o.max_steps)
		s->o.max_steps = REPORT_SARIF_MAX_STEPS;
	else if (s->o.max_steps < 2)
		s->o.max_steps = 2;     /* room for the first step and the finding's own */
	s->root = absolute(o->srcroot ? o->srcroot : ".");
	size_t n = strlen(s->root);
	while (n > 1 && s->root[n - 1] == '/')
		s->root[--n] = '\0';
	s->notes = json_array();
	/* The run object without its closing brace, then the results array. */
	json_t *run = run_head(s);
	char *text = json_dumps(run, JSON_COMPACT);
	json_decref(run);
	text[strlen(text) - 1] = '\0';
	fprintf(out, "{\"$schema\":\"%s\",\"version\":\"2.1.0\",\"runs\":[%s,\"results\":[",
	        SARIF_SCHEMA, text);
	free(text);
	return s;
}

void report_sarif_add(struct report_sarif *s, const struct finding *f)
{
	if (s->nresults >= s->o.max_results) {
		s->dropped_results++;
		return;
	}
	json_t *r = result(s, f);
	if (s->nresults++)
		fputc(',', s->out);
	fputc('\n', s->out);
	json_dumpf(r, s->out, JSON_COMPACT);
	json_decref(r);
}

void report_sarif_notify(struct report_sarif *s, const char *level, const char *text)
{
	json_array_append_new(s->notes, json_pack("{s:o,s:s}", "message", text_msg(text),
	                                          "level", level));
}

int report_sarif_end(struct report_sarif *s, struct err *e)
{
	char buf[200];
	if (s->dropped_results) {
		snprintf(buf, sizeof(buf), "%u of %u results were left out: GitHub code scanning accepts "
		         "at most %u per run", s->dropped_results, s->dropped_results + s->nresults,
		         s->o.max_results);
		report_sarif_notify(s, "warning", buf);
	}
	if (s->truncated_flows) {
		snprintf(buf, sizeof(buf), "the paths of %u results were shortened to %u steps "
		         "(GitHub code scanning keeps at most %u)", s->truncated_flows, s->o.max_steps,
		         REPORT_SARIF_MAX_STEPS);
		report_sarif_notify(s, "note", buf);
	}
	json_t *inv = json_pack("[{s:b,s:o}]", "executionSuccessful", 1,
	                        "toolExecutionNotifications", s->notes);
	fputs("\n],\"invocations\":", s->out);
	json_dumpf(inv, s->out, JSON_COMPACT);
	json_decref(inv);
	fputs("}]}\n", s->out);
	int error = fflush(s->out) != 0 || ferror(s->out)
		? err_set(e, ERR_GENERIC, "cannot write the SARIF output") : 0;
	size_t it = 0;
	const char *key;
	void *value;
	while (strmap_next(&s->uris, &it, &key, &value)) {
		struct uri *u = value;
		free(u->text);
		free(u);
		free((char *)key);
	}
	strmap_dispose(&s->uris);
	free(s->root);
	free(s);
	return error;
}

/*
 * render.c — the renderers behind one interface (see render.h).
 */
#include "report/render.h"

#include "report/sarif.h"
#include "report/text.h"

#include <jansson.h>
#include <string.h>

bool report_format_parse(const char *name, enum report_format *out)
{
	static const char *const names[] = { "text", "json", "sarif" };
	for (int i = 0; i < 3; i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (enum report_format)i;
			return true;
		}
	return false;
}

void report_render_begin(struct report_render *r, enum report_format format, FILE *out,
                         bool color, struct source_cache *sc)
{
	memset(r, 0, sizeof(*r));
	r->format = format;
	r->out = out;
	r->color = color;
	r->sc = sc;
	if (format == REPORT_JSON) {
		report_json_begin(&r->jw, out);
	} else if (format == REPORT_SARIF) {
		struct report_sarif_opts so = { .version = REFCHECK_VERSION, .src = sc };
		r->sarif = report_sarif_begin(out, &so);
	}
}

void report_render_finding(struct report_render *r, const struct finding *f)
{
	if (r->format == REPORT_JSON) {
		report_json_finding(&r->jw, f);
	} else if (r->format == REPORT_SARIF) {
		report_sarif_add(r->sarif, f);
	} else if (!f->suppressed) {
		struct text_options to = { .color = r->color, .caret = true };
		report_text_finding(r->out, f, &to, r->sc);
	}
}

void report_render_note(struct report_render *r, const struct analyze_note *n)
{
	char buf[600];
	snprintf(buf, sizeof(buf), "function '%s' %s: %s", n->function,
	         n->kind == NOTE_SKIPPED ? "skipped" : "only partially analysed", n->reason);
	if (r->format == REPORT_JSON) {
		report_json_note(&r->jw, n);
	} else if (r->format == REPORT_SARIF) {
		report_sarif_notify(r->sarif, "warning", buf);
	} else {
		struct text_options to = { .color = r->color };
		report_text_note(r->out, &n->loc, buf, &to);
	}
}

int report_render_end(struct report_render *r, unsigned files, const struct analyze_stats *st,
                      void *extra, struct err *e)
{
	int error = 0;
	if (r->format == REPORT_JSON) {
		report_json_end(&r->jw, files, st, extra);
		extra = NULL;
	} else if (r->format == REPORT_SARIF) {
		error = report_sarif_end(r->sarif, e);
		r->sarif = NULL;
	}
	json_decref(extra);
	if (error == 0 && (fflush(r->out) != 0 || ferror(r->out)))
		error = err_set(e, ERR_INVALID, "write error on the output");
	return error;
}

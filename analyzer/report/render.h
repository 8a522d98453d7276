/*
 * render.h — one interface over the three renderers (text, JSON, SARIF),
 * for everything that prints finding lists: `check` (driver/analysis.c)
 * and the database commands `report` and `diff` (store/cli.c).
 *
 * Text prints unsuppressed findings only (suppressed ones are counted in
 * the summary); JSON and SARIF carry every finding, suppressed ones marked.
 */
#ifndef REFCHECK_REPORT_RENDER_H
#define REFCHECK_REPORT_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/analyze.h"
#include "report/json.h"
#include "util/err.h"

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_SARIF };

struct report_sarif;
struct source_cache;

struct report_render {
	enum report_format format;
	FILE *out;
	bool color;
	struct source_cache *sc;        /* not owned */
	struct json_writer jw;
	struct report_sarif *sarif;
};

/* "text" / "json" / "sarif" → *out; false for anything else. */
bool report_format_parse(const char *name, enum report_format *out);

void report_render_begin(struct report_render *r, enum report_format format, FILE *out,
                         bool color, struct source_cache *sc);
void report_render_finding(struct report_render *r, const struct finding *f);
void report_render_note(struct report_render *r, const struct analyze_note *n);
/* Close the document (JSON: with the summary; `extra` is a json_t object
 * of more summary fields, consumed, or NULL). Text prints nothing here. */
int report_render_end(struct report_render *r, unsigned files, const struct analyze_stats *st,
                      void *extra, struct err *e);

#endif

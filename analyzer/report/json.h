/*
 * json.h — findings as one JSON document (`--format json`), streamed:
 *
 *   {"tool": "refcheck", "version": "…", "findings": [ {…}, … ],
 *    "notes": [ … ], "summary": { … }}
 *
 * A finding: rule, severity, file, line, column, end_line, end_column,
 * function, message, suppressed (+ suppression), related {file, line,
 * column, message}, steps [{kind, file, line, column, message}]. Strings
 * that are not valid UTF-8 have their bad bytes replaced by U+FFFD.
 */
#ifndef REFCHECK_JSON_H
#define REFCHECK_JSON_H

#include <stdio.h>

#include "engine/analyze.h"

struct json_writer {
	FILE *out;
	unsigned nfindings;
	unsigned nnotes;
	void *notes;            /* json_t array of notes, printed at the end */
};

void report_json_begin(struct json_writer *w, FILE *out);
void report_json_finding(struct json_writer *w, const struct finding *f);
void report_json_note(struct json_writer *w, const struct analyze_note *n);
/* files: the number of translation units; extra: more summary fields (a
 * json_t object, consumed) or NULL. */
void report_json_end(struct json_writer *w, unsigned files, const struct analyze_stats *st,
                     void *extra);

/* A jansson string from any bytes (invalid UTF-8 replaced): json_t *. */
void *report_json_string(const char *s);

#endif

/*
 * text.h — findings as compiler diagnostics (DESIGN §5):
 *
 *   file.c:42:5: warning: reference to 'obj' (new, from rc_list_new at line 30) leaks on this path [refcount-leak]
 *      42 |     return NULL;
 *         |     ^~~~~~~~~~~~
 *   file.c:30:9: note: new reference from rc_list_new
 *   file.c:35:5: note: taking the true branch
 *
 * Colour only when asked (main.c decides: a terminal, or --color=always).
 * Vim's and Emacs' gcc error formats and VS Code's $gcc matcher read this.
 */
#ifndef REFCHECK_TEXT_H
#define REFCHECK_TEXT_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/analyze.h"
#include "report/finding.h"

struct source_cache;

struct text_options {
	bool color;
	bool caret;             /* source line and caret under the primary location */
	bool show_suppressed;   /* print suppressed findings too, marked as such */
};

void report_text_finding(FILE *out, const struct finding *f, const struct text_options *o,
                         struct source_cache *sc);
/* A note line of our own: "file:line:col: note: text". */
void report_text_note(FILE *out, const struct finding_loc *loc, const char *text,
                      const struct text_options *o);

/* The closing line: files, functions, findings by rule, partial and
 * skipped functions, suppressed findings. */
void report_text_summary(FILE *out, unsigned files, const struct analyze_stats *st);

#endif

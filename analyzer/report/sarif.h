/*
 * sarif.h — SARIF 2.1.0 output for code scanning (GitHub) and SARIF
 * viewers (issue 5, item 7; tech.md §6).
 *
 * Streamed: report_sarif_begin writes the run's tool and rules, each
 * report_sarif_add writes one result, report_sarif_end writes the
 * invocation (with notifications) and closes the document, so memory does
 * not grow with the number of findings.
 *
 * What a result carries: ruleId/ruleIndex, level (the rule's severity),
 * message, the primary location relative to %SRCROOT% (or an absolute
 * file: URI outside it) with a region whose columns are UTF-16 code units
 * (converted from libclang's bytes when the source line can be read), the
 * function as a logical location, partialFingerprints.primaryLocationLineHash
 * (the finding's fingerprint), codeFlows with the path steps,
 * relatedLocations for the acquisition, and `suppressions` when suppressed
 * (inline comment: inSource; baseline: external).
 *
 * GitHub's limits are kept: at most max_results results per run and
 * max_steps locations per thread flow (the rest are dropped, and a run
 * notification says how many).
 */
#ifndef REFCHECK_REPORT_SARIF_H
#define REFCHECK_REPORT_SARIF_H

#include <stdint.h>
#include <stdio.h>

#include "util/err.h"

struct finding;
struct source_cache;

#define REPORT_SARIF_MAX_RESULTS 25000  /* GitHub: results per run */
#define REPORT_SARIF_MAX_STEPS 1000     /* GitHub keeps 1,000 thread-flow locations */

struct report_sarif_opts {
	const char *srcroot;        /* folder %SRCROOT% stands for; NULL: the current one */
	const char *version;        /* the tool's version */
	uint32_t max_results;       /* 0: REPORT_SARIF_MAX_RESULTS */
	uint32_t max_steps;         /* 0: REPORT_SARIF_MAX_STEPS */
	struct source_cache *src;     /* for UTF-16 columns; NULL: columns as bytes */
};

struct report_sarif;

struct report_sarif *report_sarif_begin(FILE *out, const struct report_sarif_opts *o);
void report_sarif_add(struct report_sarif *s, const struct finding *f);
/* A run notification (level "error", "warning" or "note"), e.g. a TU that
 * did not parse or functions analysed only partially. */
void report_sarif_notify(struct report_sarif *s, const char *level, const char *text);
/* Finish the document and free s; ERR_GENERIC if writing failed. */
int report_sarif_end(struct report_sarif *s, struct err *e);

/* "src/a b.c" → "src/a%20b.c": RFC 3986 for a relative URI reference
 * (unreserved characters and '/' stay). xmalloc'd. */
char *report_uri_encode(const char *path);

#endif

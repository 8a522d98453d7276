/*
 * fingerprint.h — stable identities for findings (issue 5, item 5).
 *
 * A fingerprint is "<16 hex>:<n>": the hash of the rule id, the function,
 * and the normalised text of the primary line and its two neighbours
 * (whitespace and // comments removed), then the occurrence index of that
 * hash among the TU's findings in the same file, in line order. Line
 * numbers are not part of it, so a finding keeps its identity when
 * unrelated lines above it move; editing the flagged line or its
 * neighbours makes it a new finding. The same value is SARIF's
 * partialFingerprints.primaryLocationLineHash and the database's key.
 */
#ifndef REFCHECK_REPORT_FINGERPRINT_H
#define REFCHECK_REPORT_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

struct finding_list;
struct source_cache;

/* Set f->fingerprint (in l's arena) for every finding of l. Lines come
 * from `src`; a file that cannot be read hashes the message instead. */
void report_fingerprint_list(struct finding_list *l, struct source_cache *src);

/* The normalised form of one line, appended to out (for tests). */
size_t report_fingerprint_normalise(char *out, size_t cap, const char *line, size_t len);

#endif

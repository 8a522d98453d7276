/*
 * suppress.h — inline suppressions (DESIGN §5):
 *
 *     rc_list_append(l, x);  // refcheck: ignore[refcount-leak]
 *
 * on the finding's line or the line before it. Several ids may be given,
 * separated by commas; `refcheck: ignore` without brackets covers every
 * rule. A suppressed finding is kept, marked, counted and shown in
 * machine-readable output; it never fails the run.
 */
#ifndef REFCHECK_SUPPRESS_H
#define REFCHECK_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "report/finding.h"
#include "util/err.h"

/* Mark the findings that an inline comment suppresses. */
int suppress_apply(struct finding_list *l, struct err *e);
/* Does this source line suppress `rule`? */
bool suppress_line_matches(const char *line, size_t len, const char *rule);

#endif

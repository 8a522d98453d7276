/*
 * summary.h — inferred summaries (struct model_fn) to text and back, for
 * the summaries table (see summary.c).
 */
#ifndef REFCHECK_STORE_SUMMARY_H
#define REFCHECK_STORE_SUMMARY_H

#include "model/model.h"
#include "util/err.h"

/* Deterministic text for fn (its name is not included); free() it. */
char *store_summary_encode(const struct model_fn *fn);
/* Parse text into out (source MODEL_SRC_INFERRED, name = `name`, not copied). */
int store_summary_decode(struct model_fn *out, const char *name, const char *text, struct err *e);

#endif

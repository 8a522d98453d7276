/*
 * wordfreq.h - a small word-frequency tool built on the refcheck runtime:
 * split text into words, count them in a dict, rank them, print a report.
 *
 * Ownership follows the runtime's conventions and is annotated, so that
 * refcheck checks callers of these functions too.
 */
#ifndef WORDFREQ_H
#define WORDFREQ_H

#include <stddef.h>

#include <rc/rc.h>

/** Words of text, lower-cased (a list of str).
 *  @return new reference, NULL on failure. */
RC_RETURNS_NEW RC_MAY_FAIL rc_object *wf_tokenize(const char *text);

/** Add one to counts[word] (counts: dict of str -> int). Borrows both.
 *  @return 0, -1 on failure. */
RC_MAY_FAIL int wf_count_word(rc_object *counts, rc_object *word);

/** Count every word of a list. @return new dict, NULL on failure. */
RC_RETURNS_NEW RC_MAY_FAIL rc_object *wf_count_all(rc_object *words);

/** The n most frequent words as (word, count) tuples, most frequent first.
 *  @return new list, NULL on failure. */
RC_RETURNS_NEW RC_MAY_FAIL rc_object *wf_top(rc_object *counts, size_t n);

/** Print the ranking; with verbose, also the first word's details.
 *  @return 0, -1 on failure. */
RC_MAY_FAIL int wf_report(rc_object *top, int verbose);

/** The most frequent word. @return new reference, NULL if top is empty. */
RC_RETURNS_NEW RC_MAY_FAIL rc_object *wf_first_word(rc_object *top);

/** Merge the counts of src into dst. @return 0, -1 on failure. */
RC_MAY_FAIL int wf_merge(rc_object *dst, rc_object *src);

#endif /* WORDFREQ_H */

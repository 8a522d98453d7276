/*
 * counter.c - counting words in a dict and ranking them.
 */
#include "wordfreq.h"

int wf_count_word(rc_object *counts, rc_object *word)
{
    rc_object *old = rc_dict_get(counts, word); /* borrowed */
    long n = old ? rc_int_value(old) : 0;
    rc_object *next = rc_int_new(n + 1);
    if (next == NULL)
        return -1;
    if (rc_dict_set(counts, word, next) < 0) {
        rc_decref(next);
        return -1;
    }
    return 0; /* BUG: next is never released (the dict took its own reference) */
}

rc_object *wf_count_all(rc_object *words)
{
    rc_object *counts = rc_dict_new();
    if (counts == NULL)
        return NULL;
    for (size_t i = 0; i < rc_list_size(words); i++) {
        if (wf_count_word(counts, rc_list_get(words, i)) < 0) {
            rc_decref(counts);
            return NULL;
        }
    }
    return counts;
}

/* Insert (word, count) into the ranking, keeping it sorted and at most n long. */
static int insert_ranked(rc_object *top, size_t n, rc_object *entry)
{
    long count = rc_int_value(rc_tuple_get(entry, 1));
    if (rc_list_append(top, entry) < 0)
        return -1;
    size_t i = rc_list_size(top) - 1;
    while (i > 0 && rc_int_value(rc_tuple_get(rc_list_get(top, i - 1), 1)) < count) {
        /* swap i-1 and i; rc_list_set steals, so take references first */
        rc_object *prev = rc_newref(rc_list_get(top, i - 1));
        rc_object *cur = rc_newref(rc_list_get(top, i));
        rc_list_set(top, i - 1, cur);
        rc_list_set(top, i, prev);
        i--;
    }
    if (rc_list_size(top) > n) {
        rc_object *last = rc_list_pop(top);
        rc_xdecref(last);
    }
    return 0;
}

rc_object *wf_top(rc_object *counts, size_t n)
{
    rc_object *top = rc_list_new(n + 1);
    if (top == NULL)
        return NULL;
    size_t pos = 0;
    rc_object *word, *count;
    while (rc_dict_next(counts, &pos, &word, &count)) {
        rc_object *entry = rc_tuple_pack(2, word, count);
        if (entry == NULL || insert_ranked(top, n, entry) < 0) {
            rc_xdecref(entry);
            rc_decref(top);
            return NULL;
        }
        rc_decref(entry);
    }
    return top;
}

int wf_merge(rc_object *dst, rc_object *src)
{
    size_t pos = 0;
    rc_object *word, *count;
    while (rc_dict_next(src, &pos, &word, &count)) {
        rc_object *mine = rc_dict_get(dst, word); /* borrowed; NULL if new */
        long total = rc_int_value(count) + (mine ? rc_int_value(mine) : 0);
        rc_object *sum = rc_int_new(total);
        if (sum == NULL)
            return -1;
        int rc = rc_dict_set(dst, word, sum);
        rc_decref(sum);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/*
 * report.c - printing the ranking.
 */
#include <stdio.h>

#include "wordfreq.h"

static void print_details(rc_object *top)
{
    rc_object *first = rc_list_get(top, 0); /* borrowed */
    if (first == NULL)
        return;
    rc_object *word = rc_tuple_get(first, 0);
    printf("most frequent: %s (%zu letters)\n", rc_str_value(word), rc_str_len(word));
    rc_decref(first); /* BUG: releases a reference the caller does not own */
}

rc_object *wf_first_word(rc_object *top)
{
    rc_object *first = rc_list_get(top, 0);
    if (first == NULL)
        return NULL;
    return rc_tuple_get(first, 0); /* BUG: returns a borrowed reference as new */
}

int wf_report(rc_object *top, int verbose)
{
    rc_object *title = rc_str_new("word frequencies");
    if (title == NULL)
        return -1;
    printf("%s\n", rc_str_value(title));
    for (size_t i = 0; i < rc_list_size(top); i++) {
        rc_object *entry = rc_list_get(top, i);
        printf("%4ld  %s\n", rc_int_value(rc_tuple_get(entry, 1)),
               rc_str_value(rc_tuple_get(entry, 0)));
    }
    rc_decref(title);
    if (verbose) {
        print_details(top);
        printf("(%s)\n", rc_str_value(title)); /* BUG: title was released above */
    }
    return 0;
}

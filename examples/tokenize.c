/*
 * tokenize.c - split text into lower-case words (runs of letters).
 */
#include <ctype.h>
#include <string.h>

#include "wordfreq.h"

rc_object *wf_tokenize(const char *text)
{
    rc_object *words = rc_list_new(16);
    if (words == NULL)
        return NULL;
    char buf[64];
    size_t len = 0;
    for (const char *p = text;; p++) {
        if (isalpha((unsigned char)*p) && len + 1 < sizeof(buf)) {
            buf[len++] = (char)tolower((unsigned char)*p);
            continue;
        }
        if (len > 0) {
            buf[len] = '\0';
            len = 0;
            rc_object *w = rc_str_new(buf);
            if (w == NULL)
                goto fail;
            if (rc_list_append(words, w) < 0)
                goto fail; /* BUG: w leaks on this path */
            rc_decref(w);
        }
        if (*p == '\0')
            break;
    }
    return words;
fail:
    rc_decref(words);
    return NULL;
}

/*
 * main.c - wordfreq: print the most frequent words of a text (a built-in
 * sample, or the file named on the command line). "-v" prints details.
 *
 * Run with RC_LEAKCHECK=1 to see the runtime's leak report at exit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wordfreq.h"

static const char sample[] =
    "It was the best of times, it was the worst of times, it was the age of "
    "wisdom, it was the age of foolishness, it was the epoch of belief, it was "
    "the epoch of incredulity, it was the season of Light, it was the season of "
    "Darkness, it was the spring of hope, it was the winter of despair.";

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[4096];
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *p = realloc(buf, cap);
            if (p == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = p;
        }
        memcpy(buf + len, chunk, n);
        len += n;
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

int main(int argc, char **argv)
{
    int verbose = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else
            path = argv[i];
    }
    char *text = path ? read_file(path) : NULL;
    if (path && text == NULL) {
        fprintf(stderr, "wordfreq: cannot read %s\n", path);
        return 2;
    }
    int status = 1;
    rc_object *words = NULL, *counts = NULL, *top = NULL;
    if ((words = wf_tokenize(text ? text : sample)) == NULL)
        goto cleanup;
    if ((counts = wf_count_all(words)) == NULL)
        goto cleanup;
    if ((top = wf_top(counts, 5)) == NULL)
        goto cleanup;
    if (wf_report(top, verbose) < 0)
        goto cleanup;
    printf("%zu words, %zu distinct\n", rc_list_size(words), rc_dict_size(counts));
    status = 0;
cleanup:
    if (status != 0)
        fprintf(stderr, "wordfreq: %s\n", rc_error_last()->message);
    rc_xdecref(top);
    rc_xdecref(counts);
    rc_xdecref(words);
    free(text);
    return status;
}

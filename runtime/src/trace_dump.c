/*
 * trace_dump.c - writing a snapshot to a file and reading it back
 * (tracemalloc's Snapshot.dump/load), so that two runs of a program can
 * be compared.
 *
 * The format is line-based text, strings length-prefixed so that any
 * file name survives:
 *
 *     rc-trace-snapshot 1
 *     sites NSITES
 *     site DOMAIN LEN:TYPE NFRAMES
 *     frame LINE PC LEN:FILE LEN:FUNC        (LEN -1: NULL)
 *     traces NTRACES
 *     SIZE SITE
 *
 * Deeper frames keep their raw return addresses, which only mean something
 * for the process (and binary) that wrote them.
 */
#include <stdlib.h>
#include <string.h>

#include "trace_internal.h"

static void put_str(FILE *out, const char *s)
{
    if (s == NULL)
        fputs(" -1:", out);
    else
        fprintf(out, " %zu:%s", strlen(s), s);
}

int rc_trace_snapshot_dump(const rc_trace_snapshot *s, FILE *out)
{
    if (s == NULL || out == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_trace_snapshot_dump: NULL argument");
        return -1;
    }
    fprintf(out, "rc-trace-snapshot 1\nsites %zu\n", s->nsites);
    for (size_t i = 0; i < s->nsites; i++) {
        const snap_site *site = &s->sites[i];
        fprintf(out, "site %d", site->domain);
        put_str(out, site->type_name);
        fprintf(out, " %zu\n", site->tb.nframes);
        for (size_t k = 0; k < site->tb.nframes; k++) {
            const rc_trace_frame *f = &site->tb.frames[k];
            fprintf(out, "frame %d %lx", f->line, (unsigned long)(uintptr_t)f->pc);
            put_str(out, f->file);
            put_str(out, f->func);
            fputc('\n', out);
        }
    }
    fprintf(out, "traces %zu\n", s->ntraces);
    for (size_t i = 0; i < s->ntraces; i++)
        fprintf(out, "%zu %u\n", s->traces[i].size, (unsigned)s->traces[i].site);
    if (fflush(out) != 0 || ferror(out)) {
        rc_error_set(RC_ERR_OS, "rc_trace_snapshot_dump: write error");
        return -1;
    }
    return 0;
}

/* The reader keeps every string in one growing buffer; pointers are fixed
 * up once the whole file is read (offsets + 1 until then, 0 = NULL). */
typedef struct reader {
    FILE *in;
    char *buf;
    size_t len, cap;
} reader;

static int get_str(reader *r, uintptr_t *out)
{
    long n;
    if (fscanf(r->in, " %ld:", &n) != 1 || n < -1 || n > 1 << 20)
        return -1;
    if (n < 0) {
        *out = 0;
        return 0;
    }
    if (r->len + (size_t)n + 1 > r->cap) {
        size_t cap = (r->len + (size_t)n + 1) * 2;
        char *p = realloc(r->buf, cap);
        if (p == NULL)
            return -1;
        r->buf = p;
        r->cap = cap;
    }
    if (n > 0 && fread(r->buf + r->len, 1, (size_t)n, r->in) != (size_t)n)
        return -1;
    r->buf[r->len + (size_t)n] = '\0';
    *out = r->len + 1;
    r->len += (size_t)n + 1;
    return 0;
}

static const char *fix(const reader *r, uintptr_t off) { return off ? r->buf + off - 1 : NULL; }

rc_trace_snapshot *rc_trace_snapshot_load(FILE *in)
{
    if (in == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_trace_snapshot_load: NULL file");
        return NULL;
    }
    size_t nsites = 0, ntraces = 0;
    if (fscanf(in, "rc-trace-snapshot 1 sites %zu", &nsites) != 1 || nsites > (1u << 24)) {
        rc_error_set(RC_ERR_ARG, "rc_trace_snapshot_load: not a snapshot file");
        return NULL;
    }
    reader r = { in, NULL, 0, 0 };
    snap_site *sites = calloc(nsites ? nsites : 1, sizeof(*sites));
    rc_trace_frame *frames = NULL;
    size_t nframes = 0, frames_cap = 0;
    rc_trace_snapshot *s = NULL;
    int ok = sites != NULL;
    for (size_t i = 0; ok && i < nsites; i++) {
        uintptr_t type = 0;
        size_t nf = 0;
        ok = fscanf(in, " site %d", &sites[i].domain) == 1 && get_str(&r, &type) == 0 &&
             fscanf(in, " %zu", &nf) == 1 && nf <= RC_TRACE_MAX_FRAMES;
        sites[i].type_name = (const char *)type;
        sites[i].tb.nframes = nf;
        sites[i].tb.frames = (const rc_trace_frame *)nframes; /* index until fixed */
        for (size_t k = 0; ok && k < nf; k++) {
            if (nframes == frames_cap) {
                frames_cap = frames_cap ? frames_cap * 2 : 64;
                rc_trace_frame *p = realloc(frames, frames_cap * sizeof(*p));
                ok = p != NULL;
                if (!ok)
                    break;
                frames = p;
            }
            rc_trace_frame *f = &frames[nframes++];
            unsigned long pc;
            uintptr_t file = 0, func = 0;
            ok = fscanf(in, " frame %d %lx", &f->line, &pc) == 2 && get_str(&r, &file) == 0 &&
                 get_str(&r, &func) == 0;
            f->pc = (void *)(uintptr_t)pc;
            f->file = (const char *)file;
            f->func = (const char *)func;
        }
    }
    ok = ok && fscanf(in, " traces %zu", &ntraces) == 1;
    if (ok && (s = rc_trace__snapshot_alloc(ntraces, nsites, nframes)) == NULL)
        ok = 0;
    for (size_t i = 0; ok && i < ntraces; i++) {
        unsigned site;
        ok = fscanf(in, " %zu %u", &s->traces[i].size, &site) == 2 && site < nsites;
        s->traces[i].site = site;
        s->total += s->traces[i].size;
        s->ntraces = i + 1;
    }
    if (!ok) {
        rc_error_set(RC_ERR_ARG, "rc_trace_snapshot_load: malformed snapshot file");
        free(sites), free(frames), free(r.buf);
        rc_trace_snapshot_free(s);
        return NULL;
    }
    for (size_t k = 0; k < nframes; k++) {
        s->frames[k] = frames[k];
        s->frames[k].file = fix(&r, (uintptr_t)frames[k].file);
        s->frames[k].func = fix(&r, (uintptr_t)frames[k].func);
    }
    for (size_t i = 0; i < nsites; i++) {
        s->sites[i] = sites[i];
        s->sites[i].type_name = fix(&r, (uintptr_t)sites[i].type_name);
        s->sites[i].tb.frames = s->frames + (uintptr_t)sites[i].tb.frames;
    }
    s->strings = r.buf;
    free(sites);
    free(frames);
    return s;
}

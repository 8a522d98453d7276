/*
 * trace_report.c - what is done with the traces (rc/trace.h, second half):
 * snapshots, filters, statistics grouped by file, site, traceback or type,
 * snapshot comparison, printing, and the leak report at exit.
 *
 * Grouping sorts the traces by key and merges equal neighbours (sort, then
 * group: O(n log n), all in C, unlike tracemalloc's Python dictionaries);
 * statistics then sort the groups by size. A comparison groups both
 * snapshots, merge-joins the two key-sorted group arrays, and sorts by the
 * absolute differences.
 */
#include <dlfcn.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "trace_internal.h"

/* ---- snapshots ------------------------------------------------------------------ */

void rc_trace_snapshot_free(rc_trace_snapshot *s)
{
    if (s == NULL)
        return;
    free(s->traces);
    free(s->sites);
    free(s->frames);
    free(s->strings);
    free(s);
}

/* An empty snapshot with room for ntraces traces, nsites sites and nframes
 * frames (nsites set, the rest to fill), or NULL. */
rc_trace_snapshot *rc_trace__snapshot_alloc(size_t ntraces, size_t nsites, size_t nframes)
{
    rc_trace_snapshot *s = calloc(1, sizeof(*s));
    if (s == NULL)
        return NULL;
    s->traces = malloc((ntraces ? ntraces : 1) * sizeof(snap_trace));
    s->sites = malloc((nsites ? nsites : 1) * sizeof(snap_site));
    s->frames = malloc((nframes ? nframes : 1) * sizeof(rc_trace_frame));
    if (s->traces == NULL || s->sites == NULL || s->frames == NULL) {
        rc_trace_snapshot_free(s);
        return NULL;
    }
    s->nsites = nsites;
    return s;
}

rc_trace_snapshot *rc_trace_take_snapshot(void)
{
    rc_tracer *tr = &rc_trace__state;
    size_t nframes = 0;
    for (size_t i = 0; i < tr->nsites; i++)
        nframes += tr->sites[i].nframes;
    rc_trace_snapshot *s = rc_trace__snapshot_alloc(tr->ntraces, tr->nsites, nframes);
    if (s == NULL) {
        rc_error__nomem("rc_trace_take_snapshot");
        return NULL;
    }
    rc_trace_frame *f = s->frames;
    for (size_t i = 0; i < tr->nsites; i++) {
        const rc_trace_site *src = &tr->sites[i];
        memcpy(f, src->frames, src->nframes * sizeof(*f));
        s->sites[i] = (snap_site){ src->domain, src->type ? src->type->name : "raw",
                                   { src->nframes, f } };
        f += src->nframes;
    }
    for (size_t i = 0; i < tr->pages.cap; i++) {
        if (tr->pages.slots[i].key == 0)
            continue;
        const rc_trace_page *p = (const rc_trace_page *)(uintptr_t)tr->pages.slots[i].value;
        for (unsigned k = 0; k < TRACE_GRANULES && p->count; k++) {
            uint64_t w = p->slot[k];
            if (w == 0)
                continue;
            s->traces[s->ntraces++] = (snap_trace){ TRACE_SIZE(w), TRACE_SITE(w) };
            s->total += TRACE_SIZE(w);
        }
    }
    return s;
}

size_t rc_trace_snapshot_count(const rc_trace_snapshot *s) { return s ? s->ntraces : 0; }
size_t rc_trace_snapshot_size(const rc_trace_snapshot *s) { return s ? s->total : 0; }

static int frame_matches(const rc_trace_filter *flt, const rc_trace_frame *f)
{
    if (fnmatch(flt->file_pattern, f->file ? f->file : "", 0) != 0)
        return 0;
    return flt->line == 0 || flt->line == f->line;
}

static int filter_matches(const rc_trace_filter *flt, const snap_site *site)
{
    if (flt->domain >= 0 && flt->domain != site->domain)
        return 0;
    size_t n = flt->all_frames ? site->tb.nframes : 1;
    for (size_t i = 0; i < n; i++)
        if (frame_matches(flt, &site->tb.frames[i]))
            return 1;
    return 0;
}

static int keep_site(const rc_trace_filter *filters, size_t n, const snap_site *site)
{
    int have_inclusive = 0, included = 0;
    for (size_t i = 0; i < n; i++) {
        int m = filter_matches(&filters[i], site);
        if (filters[i].inclusive) {
            have_inclusive = 1;
            included |= m;
        } else if (m) {
            return 0;
        }
    }
    return !have_inclusive || included;
}

rc_trace_snapshot *rc_trace_snapshot_filter(const rc_trace_snapshot *s,
                                            const rc_trace_filter *filters, size_t n)
{
    if (s == NULL || (filters == NULL && n > 0)) {
        rc_error_set(RC_ERR_ARG, "rc_trace_snapshot_filter: NULL argument");
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        if (filters[i].file_pattern == NULL) {
            rc_error_set(RC_ERR_ARG, "rc_trace_snapshot_filter: filter %zu has no pattern", i);
            return NULL;
        }
    }
    size_t nframes = 0;
    for (size_t i = 0; i < s->nsites; i++)
        nframes += s->sites[i].tb.nframes;
    rc_trace_snapshot *r = rc_trace__snapshot_alloc(s->ntraces, s->nsites, nframes);
    unsigned char *keep = malloc(s->nsites ? s->nsites : 1);
    if (r == NULL || keep == NULL) {
        free(keep);
        rc_trace_snapshot_free(r);
        rc_error__nomem("rc_trace_snapshot_filter");
        return NULL;
    }
    rc_trace_frame *f = r->frames;
    for (size_t i = 0; i < s->nsites; i++) {
        const snap_site *src = &s->sites[i];
        memcpy(f, src->tb.frames, src->tb.nframes * sizeof(*f));
        r->sites[i] = (snap_site){ src->domain, src->type_name, { src->tb.nframes, f } };
        f += src->tb.nframes;
        keep[i] = (unsigned char)keep_site(filters, n, src);
    }
    for (size_t i = 0; i < s->ntraces; i++) {
        if (keep[s->traces[i].site]) {
            r->traces[r->ntraces++] = s->traces[i];
            r->total += s->traces[i].size;
        }
    }
    free(keep);
    return r;
}

/* ---- grouping ------------------------------------------------------------------- */

typedef struct group {
    const rc_trace_frame *frame;    /* FILE, LINE, TRACEBACK: frame 0 or the cumulative frame */
    const rc_trace_traceback *tb;   /* TRACEBACK */
    const char *type_name;          /* TYPE */
    size_t size, count;
    long long size_diff, count_diff;
} group;

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int cmp_frame(const rc_trace_frame *a, const rc_trace_frame *b, int file_only)
{
    int c = cmp_str(a->file, b->file);
    if (c || file_only)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if ((c = cmp_str(a->func, b->func)) != 0)
        return c;
    return a->pc == b->pc ? 0 : ((uintptr_t)a->pc < (uintptr_t)b->pc ? -1 : 1);
}

static int cmp_key(const void *pa, const void *pb, void *arg)
{
    const group *a = pa, *b = pb;
    switch (*(const rc_trace_key *)arg) {
    case RC_TRACE_BY_FILE:
        return cmp_frame(a->frame, b->frame, 1);
    case RC_TRACE_BY_LINE:
        return cmp_frame(a->frame, b->frame, 0);
    case RC_TRACE_BY_TYPE:
        return cmp_str(a->type_name, b->type_name);
    case RC_TRACE_BY_TRACEBACK:
        break;
    }
    size_t n = a->tb->nframes < b->tb->nframes ? a->tb->nframes : b->tb->nframes;
    for (size_t i = 0; i < n; i++) {
        int c = cmp_frame(&a->tb->frames[i], &b->tb->frames[i], 0);
        if (c)
            return c;
    }
    return a->tb->nframes == b->tb->nframes ? 0 : (a->tb->nframes < b->tb->nframes ? -1 : 1);
}

/* Groups of s by key, sorted by key; *out_n groups. NULL on OOM (with *out_n 0
 * for an empty snapshot, a non-NULL empty array is returned). */
static group *group_snapshot(const rc_trace_snapshot *s, rc_trace_key key, int cumulative,
                             size_t *out_n)
{
    size_t cap = 0;
    for (size_t i = 0; i < s->ntraces; i++)
        cap += cumulative ? s->sites[s->traces[i].site].tb.nframes : 1;
    group *g = malloc((cap ? cap : 1) * sizeof(group));
    if (g == NULL)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < s->ntraces; i++) {
        const snap_site *site = &s->sites[s->traces[i].site];
        size_t nf = cumulative ? site->tb.nframes : 1;
        for (size_t k = 0; k < nf; k++) {
            const rc_trace_frame *f = &site->tb.frames[k];
            int dup = 0; /* charge a trace once per distinct frame key */
            for (size_t j = 0; j < k && !dup; j++)
                dup = cmp_frame(&site->tb.frames[j], f, key == RC_TRACE_BY_FILE) == 0;
            if (!dup)
                g[n++] = (group){ f, &site->tb, site->type_name, s->traces[i].size, 1, 0, 0 };
        }
    }
    qsort_r(g, n, sizeof(group), cmp_key, &key);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m > 0 && cmp_key(&g[m - 1], &g[i], &key) == 0) {
            g[m - 1].size += g[i].size;
            g[m - 1].count += g[i].count;
        } else {
            g[m++] = g[i];
        }
    }
    *out_n = m;
    return g;
}

static int cmp_ull_desc(unsigned long long a, unsigned long long b) { return a == b ? 0 : (a > b ? -1 : 1); }
static unsigned long long absll(long long v) { return v < 0 ? (unsigned long long)-v : (unsigned long long)v; }

static int cmp_by_size(const void *pa, const void *pb, void *arg)
{
    const group *a = pa, *b = pb;
    int c;
    if ((c = cmp_ull_desc(absll(a->size_diff), absll(b->size_diff))) != 0 ||
        (c = cmp_ull_desc(a->size, b->size)) != 0 ||
        (c = cmp_ull_desc(absll(a->count_diff), absll(b->count_diff))) != 0 ||
        (c = cmp_ull_desc(a->count, b->count)) != 0)
        return c;
    return cmp_key(pa, pb, arg);
}

static rc_trace_stats *to_stats(group *g, size_t n, rc_trace_key key)
{
    qsort_r(g, n, sizeof(group), cmp_by_size, &key);
    rc_trace_stats *st = calloc(1, sizeof(*st));
    rc_trace_stat *items = calloc(n ? n : 1, sizeof(rc_trace_stat));
    if (st == NULL || items == NULL) {
        free(st);
        free(items);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        rc_trace_stat *it = &items[i];
        it->size = g[i].size;
        it->count = g[i].count;
        it->size_diff = g[i].size_diff;
        it->count_diff = g[i].count_diff;
        if (key == RC_TRACE_BY_TYPE) {
            it->type_name = g[i].type_name;
            continue;
        }
        it->file = g[i].frame->file;
        if (key == RC_TRACE_BY_FILE)
            continue;
        it->line = g[i].frame->line;
        it->func = g[i].frame->func;
        if (key == RC_TRACE_BY_TRACEBACK)
            it->traceback = *g[i].tb;
        else
            it->traceback = (rc_trace_traceback){ 1, g[i].frame };
    }
    st->n = n;
    st->items = items;
    return st;
}

static int check_key(rc_trace_key key, int cumulative, const char *fn)
{
    if ((unsigned)key > RC_TRACE_BY_TYPE) {
        rc_error_set(RC_ERR_ARG, "%s: unknown key %d", fn, (int)key);
        return -1;
    }
    if (cumulative && key != RC_TRACE_BY_FILE && key != RC_TRACE_BY_LINE) {
        rc_error_set(RC_ERR_ARG, "%s: cumulative needs RC_TRACE_BY_FILE or RC_TRACE_BY_LINE", fn);
        return -1;
    }
    return 0;
}

rc_trace_stats *rc_trace_snapshot_statistics(const rc_trace_snapshot *s, rc_trace_key key,
                                             int cumulative)
{
    if (s == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_trace_snapshot_statistics: NULL snapshot");
        return NULL;
    }
    if (check_key(key, cumulative, "rc_trace_snapshot_statistics") < 0)
        return NULL;
    size_t n;
    group *g = group_snapshot(s, key, cumulative, &n);
    rc_trace_stats *st = g ? to_stats(g, n, key) : NULL;
    free(g);
    if (st == NULL)
        rc_error__nomem("rc_trace_snapshot_statistics");
    return st;
}

rc_trace_stats *rc_trace_snapshot_compare(const rc_trace_snapshot *newer,
                                          const rc_trace_snapshot *older, rc_trace_key key,
                                          int cumulative)
{
    if (newer == NULL || older == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_trace_snapshot_compare: NULL snapshot");
        return NULL;
    }
    if (check_key(key, cumulative, "rc_trace_snapshot_compare") < 0)
        return NULL;
    size_t nn = 0, no = 0;
    group *gn = group_snapshot(newer, key, cumulative, &nn);
    group *go = group_snapshot(older, key, cumulative, &no);
    group *out = malloc((nn + no ? nn + no : 1) * sizeof(group));
    rc_trace_stats *st = NULL;
    if (gn && go && out) {
        size_t i = 0, j = 0, m = 0;
        while (i < nn || j < no) {
            int c = i == nn ? 1 : j == no ? -1 : cmp_key(&gn[i], &go[j], &key);
            if (c < 0) { /* only in newer */
                out[m] = gn[i++];
                out[m].size_diff = (long long)out[m].size;
                out[m].count_diff = (long long)out[m].count;
            } else if (c > 0) { /* only in older */
                out[m] = go[j++];
                out[m].size_diff = -(long long)out[m].size;
                out[m].count_diff = -(long long)out[m].count;
                out[m].size = out[m].count = 0;
            } else {
                out[m] = gn[i];
                out[m].size_diff = (long long)gn[i].size - (long long)go[j].size;
                out[m].count_diff = (long long)gn[i].count - (long long)go[j].count;
                i++, j++;
            }
            m++;
        }
        st = to_stats(out, m, key);
    }
    free(gn);
    free(go);
    free(out);
    if (st == NULL)
        rc_error__nomem("rc_trace_snapshot_compare");
    return st;
}

void rc_trace_stats_free(rc_trace_stats *st)
{
    if (st == NULL)
        return;
    free(st->items);
    free(st);
}

/* ---- printing ------------------------------------------------------------------ */

char *rc_trace_frame_format(const rc_trace_frame *f, char *buf, size_t size)
{
    if (buf == NULL || size == 0)
        return buf;
    if (f == NULL) {
        snprintf(buf, size, "?");
        return buf;
    }
    if (f->file) {
        if (f->func)
            snprintf(buf, size, "%s:%d in %s", f->file, f->line, f->func);
        else
            snprintf(buf, size, "%s:%d", f->file, f->line);
        return buf;
    }
    char where[256];
    Dl_info info;
    if (f->pc && dladdr(f->pc, &info) && info.dli_sname)
        snprintf(where, sizeof(where), "%s+0x%lx", info.dli_sname,
                 (unsigned long)((uintptr_t)f->pc - (uintptr_t)info.dli_saddr));
    else if (f->pc && dladdr(f->pc, &info) && info.dli_fname)
        snprintf(where, sizeof(where), "%s+0x%lx", info.dli_fname,
                 (unsigned long)((uintptr_t)f->pc - (uintptr_t)info.dli_fbase));
    else
        snprintf(where, sizeof(where), "%p", f->pc);
    if (f->func)
        snprintf(buf, size, "%s called from %s", f->func, where);
    else
        snprintf(buf, size, "%s", where);
    return buf;
}

int rc_trace_stats_print(const rc_trace_stats *st, FILE *out, size_t limit)
{
    if (st == NULL || out == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_trace_stats_print: NULL argument");
        return -1;
    }
    char buf[512];
    size_t n = limit && limit < st->n ? limit : st->n;
    for (size_t i = 0; i < n; i++) {
        const rc_trace_stat *it = &st->items[i];
        const char *what = it->type_name ? it->type_name
                           : it->traceback.nframes ? rc_trace_frame_format(&it->traceback.frames[0], buf, sizeof(buf))
                           : it->file ? it->file : "?";
        if (it->size_diff || it->count_diff)
            fprintf(out, "%s: size=%zu B (%+lld B), count=%zu (%+lld)\n", what, it->size,
                    it->size_diff, it->count, it->count_diff);
        else
            fprintf(out, "%s: size=%zu B, count=%zu\n", what, it->size, it->count);
        if (!it->type_name && it->traceback.nframes > 1)
            for (size_t k = 1; k < it->traceback.nframes; k++)
                fprintf(out, "    %s\n", rc_trace_frame_format(&it->traceback.frames[k], buf, sizeof(buf)));
    }
    if (ferror(out)) {
        rc_error_set(RC_ERR_OS, "rc_trace_stats_print: write error");
        return -1;
    }
    return 0;
}

/* ---- leak report ---------------------------------------------------------------- */

static int cmp_leak(const void *pa, const void *pb, void *arg)
{
    const group *a = pa, *b = pb;
    (void)arg;
    int c = cmp_str(a->type_name, b->type_name);
    return c ? c : cmp_frame(a->frame, b->frame, 0);
}

static int cmp_leak_count(const void *pa, const void *pb, void *arg)
{
    const group *a = pa, *b = pb;
    int c = cmp_ull_desc(a->count, b->count);
    return c ? c : cmp_leak(pa, pb, arg);
}

size_t rc_trace_leak_report(FILE *out)
{
    rc_tracer *tr = &rc_trace__state;
    size_t alive = rc_object__live;
    if (alive == 0 || out == NULL)
        return alive;
    fprintf(out, "rc leak report: %zu objects alive\n", alive);
    group *g = malloc((tr->ntraces ? tr->ntraces : 1) * sizeof(group));
    size_t n = 0, listed = 0;
    for (size_t i = 0; g && i < tr->pages.cap; i++) {
        if (tr->pages.slots[i].key == 0)
            continue;
        const rc_trace_page *p = (const rc_trace_page *)(uintptr_t)tr->pages.slots[i].value;
        for (unsigned k = 0; k < TRACE_GRANULES; k++) {
            uint64_t w = p->slot[k];
            if (w == 0)
                continue;
            const rc_trace_site *site = &tr->sites[TRACE_SITE(w)];
            if (site->domain != RC_TRACE_DOMAIN_OBJECT)
                continue;
            uintptr_t block = p->base + ((uintptr_t)k << 4);
            const rc_object *o =
                (const rc_object *)(block + (rc_object__has_head(site->type) ? sizeof(rc_gc_head) : 0));
            if (rc_object__immortal(o))
                continue;
            g[n++] = (group){ &site->frames[0], NULL, site->type->name, TRACE_SIZE(w), 1, 0, 0 };
        }
    }
    if (g) {
        qsort_r(g, n, sizeof(group), cmp_leak, NULL);
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            if (m > 0 && cmp_leak(&g[m - 1], &g[i], NULL) == 0) {
                g[m - 1].size += g[i].size;
                g[m - 1].count++;
            } else {
                g[m++] = g[i];
            }
        }
        qsort_r(g, m, sizeof(group), cmp_leak_count, NULL);
        char buf[512];
        for (size_t i = 0; i < m; i++) {
            fprintf(out, "rc leak: %zu x %s at %s (%zu bytes)\n", g[i].count, g[i].type_name,
                    rc_trace_frame_format(g[i].frame, buf, sizeof(buf)), g[i].size);
            listed += g[i].count;
        }
        free(g);
    }
    if (listed < alive)
        fprintf(out, "rc leak: %zu x (untraced: allocated while tracing was off)\n", alive - listed);
    fflush(out);
    return alive;
}

static void leakcheck_at_exit(void)
{
    if (!rc_gc_is_collecting())
        rc_gc_collect(RC_GC_GENERATIONS - 1);
    if (rc_trace_leak_report(stderr) > 0) {
        fflush(NULL);
        _exit(RC_LEAK_EXIT_CODE);
    }
}

void rc_trace__init_from_env(void)
{
    const char *v = getenv("RC_LEAKCHECK");
    if (v == NULL || *v == '\0' || strcmp(v, "0") == 0)
        return;
    int frames = 1;
    const char *f = getenv("RC_LEAKCHECK_FRAMES");
    if (f && atoi(f) >= 1 && atoi(f) <= RC_TRACE_MAX_FRAMES)
        frames = atoi(f);
    if (rc_trace_start(frames) == 0)
        atexit(leakcheck_at_exit);
}

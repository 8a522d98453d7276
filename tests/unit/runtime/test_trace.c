/*
 * test_trace.c - allocation tracing with exact figures: counts and sizes
 * of known allocations, current/peak, sites, grouping, filters, snapshot
 * differences, tracebacks and the leak report text.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <string.h>

#include <rc/rc.h>

typedef struct blob {
    RC_OBJECT_HEAD;
    char data[40];
} blob;

static const rc_type blob_type = { "blob", sizeof(blob), NULL, NULL, NULL, NULL, 0 };
#define BLOB_SIZE (sizeof(blob))

static rc_object *make_blob(void) { return rc_new(&blob_type); } /* one site */

TestSuite(trace, .init = rc_gc_disable, .fini = rc_trace_stop);

Test(trace, start_stop_and_arguments)
{
    cr_assert_not(rc_trace_is_tracing());
    cr_assert_eq(rc_trace_get_nframes(), 0);
    cr_assert_eq(rc_trace_start(0), -1);
    cr_assert_eq(rc_error_last()->klass, RC_ERR_ARG);
    cr_assert_eq(rc_trace_start(RC_TRACE_MAX_FRAMES + 1), -1);
    cr_assert_eq(rc_trace_start(1), 0);
    cr_assert(rc_trace_is_tracing());
    cr_assert_eq(rc_trace_get_nframes(), 1);
    rc_trace_stop();
    cr_assert_not(rc_trace_is_tracing());
}

Test(trace, exact_current_and_peak)
{
    rc_trace_start(1);
    size_t cur, peak;
    rc_trace_get_traced_memory(&cur, &peak);
    cr_assert_eq(cur, 0);
    rc_object *b[10];
    for (int i = 0; i < 10; i++)
        b[i] = make_blob();
    rc_trace_get_traced_memory(&cur, &peak);
    cr_assert_eq(cur, 10 * BLOB_SIZE);
    cr_assert_eq(peak, 10 * BLOB_SIZE);
    cr_assert_eq(rc_trace_count(), 10);
    for (int i = 0; i < 6; i++)
        rc_decref(b[i]);
    rc_trace_get_traced_memory(&cur, &peak);
    cr_assert_eq(cur, 4 * BLOB_SIZE);
    cr_assert_eq(peak, 10 * BLOB_SIZE);
    rc_trace_reset_peak();
    rc_trace_get_traced_memory(NULL, &peak);
    cr_assert_eq(peak, 4 * BLOB_SIZE);
    rc_object *l = rc_list_new(8); /* object + an 8-pointer buffer */
    rc_trace_get_traced_memory(&cur, NULL);
    cr_assert_eq(cur, 4 * BLOB_SIZE + rc_object_block_size(&rc_list_type, 0) + 8 * sizeof(void *));
    rc_object *s = rc_str_new("hello");
    rc_trace_get_traced_memory(&cur, NULL);
    cr_assert_eq(cur, 4 * BLOB_SIZE + rc_object_block_size(&rc_list_type, 0) + 8 * sizeof(void *) +
                          rc_object_block_size(&rc_str_type, 6));
    cr_assert_gt(rc_trace_get_tracer_memory(), 0);
    rc_decref(s);
    rc_decref(l);
    rc_trace_clear();
    rc_trace_get_traced_memory(&cur, &peak);
    cr_assert_eq(cur, 0);
    cr_assert_eq(rc_trace_count(), 0);
    cr_assert(rc_trace_is_tracing());
    for (int i = 6; i < 10; i++)
        rc_decref(b[i]); /* untraced now: ignored */
    rc_trace_get_traced_memory(&cur, NULL);
    cr_assert_eq(cur, 0);
}

Test(trace, object_site)
{
    rc_trace_start(1);
    int line = __LINE__ + 1;
    rc_object *o = rc_new(&blob_type);
    rc_trace_frame f;
    cr_assert_eq(rc_trace_get_object_site(&f, o), 1);
    cr_assert_str_eq(f.file, __FILE__);
    cr_assert_eq(f.line, line);
    cr_assert_str_eq(f.func, "trace_object_site_impl");
    rc_object *l = rc_list_new(0);
    cr_assert_eq(rc_trace_get_object_site(&f, l), 1);
    cr_assert_null(f.file);
    cr_assert_str_eq(f.func, "rc_list_new");
    cr_assert_not_null(f.pc);
    char buf[256];
    cr_assert(strstr(rc_trace_frame_format(&f, buf, sizeof(buf)), "rc_list_new called from") != NULL);
    cr_assert_eq(rc_trace_get_object_site(NULL, o), -1);
    cr_assert_eq(rc_trace_get_object_site(&f, NULL), -1);
    rc_trace_stop();
    cr_assert_eq(rc_trace_get_object_site(&f, o), 0);
    rc_decref(l);
    rc_decref(o);
}

__attribute__((noinline)) static rc_object *alloc_site_a(void) { return rc_new(&blob_type); }
/* One call site of rc_int_new (whose site is its caller's address) even
 * when optimised: no inlining, no tail call. */
__attribute__((noinline)) static rc_object *alloc_site_b(void)
{
    rc_object *o = rc_int_new(7);
    __asm__ volatile("" ::: "memory");
    return o;
}

Test(trace, statistics_by_line_type_file)
{
    rc_trace_start(1);
    rc_object *keep[7];
    for (int i = 0; i < 4; i++)
        keep[i] = alloc_site_a();
    for (int i = 4; i < 7; i++)
        keep[i] = alloc_site_b();
    rc_trace_snapshot *s = rc_trace_take_snapshot();
    cr_assert_eq(rc_trace_snapshot_count(s), 7);
    size_t int_size = rc_object_block_size(&rc_int_type, 0);
    cr_assert_eq(rc_trace_snapshot_size(s), 4 * BLOB_SIZE + 3 * int_size);

    rc_trace_stats *st = rc_trace_snapshot_statistics(s, RC_TRACE_BY_LINE, 0);
    cr_assert_eq(st->n, 2);
    cr_assert_eq(st->items[0].count, 4);
    cr_assert_eq(st->items[0].size, 4 * BLOB_SIZE);
    cr_assert_str_eq(st->items[0].func, "alloc_site_a");
    cr_assert_eq(st->items[1].count, 3);
    cr_assert_str_eq(st->items[1].func, "rc_int_new");
    rc_trace_stats_free(st);

    st = rc_trace_snapshot_statistics(s, RC_TRACE_BY_TYPE, 0);
    cr_assert_eq(st->n, 2);
    cr_assert_str_eq(st->items[0].type_name, "blob");
    cr_assert_str_eq(st->items[1].type_name, "int");
    cr_assert_eq(st->items[1].size, 3 * int_size);
    rc_trace_stats_free(st);

    st = rc_trace_snapshot_statistics(s, RC_TRACE_BY_FILE, 0);
    cr_assert_eq(st->n, 2, "this file and the built-in constructor");
    rc_trace_stats_free(st);

    st = rc_trace_snapshot_statistics(s, RC_TRACE_BY_TRACEBACK, 0);
    cr_assert_eq(st->n, 2);
    cr_assert_eq(st->items[0].traceback.nframes, 1);
    cr_assert_eq(rc_trace_stats_print(st, stderr, 0), 0);
    rc_trace_stats_free(st);

    cr_assert_null(rc_trace_snapshot_statistics(s, RC_TRACE_BY_TYPE, 1));
    cr_assert_eq(rc_error_last()->klass, RC_ERR_ARG);
    cr_assert_null(rc_trace_snapshot_statistics(s, (rc_trace_key)42, 0));
    cr_assert_null(rc_trace_snapshot_statistics(NULL, RC_TRACE_BY_LINE, 0));
    cr_assert_eq(rc_trace_stats_print(NULL, stderr, 0), -1);
    rc_trace_snapshot_free(s);
    for (int i = 0; i < 7; i++)
        rc_decref(keep[i]);
}

Test(trace, snapshot_difference_is_exact)
{
    rc_trace_start(1);
    rc_object *a[5], *b[3];
    for (int i = 0; i < 5; i++)
        a[i] = alloc_site_a();
    rc_trace_snapshot *old = rc_trace_take_snapshot();
    for (int i = 0; i < 3; i++)
        b[i] = alloc_site_b();
    rc_decref(a[0]);
    rc_decref(a[1]);
    rc_trace_snapshot *now = rc_trace_take_snapshot();
    rc_trace_stats *d = rc_trace_snapshot_compare(now, old, RC_TRACE_BY_LINE, 0);
    cr_assert_eq(d->n, 2);
    size_t int_size = rc_object_block_size(&rc_int_type, 0);
    /* sorted by |size_diff| */
    const rc_trace_stat *ints = 3 * int_size > 2 * BLOB_SIZE ? &d->items[0] : &d->items[1];
    const rc_trace_stat *blobs = ints == &d->items[0] ? &d->items[1] : &d->items[0];
    cr_assert_str_eq(ints->func, "rc_int_new");
    cr_assert_eq(ints->count, 3);
    cr_assert_eq(ints->count_diff, 3);
    cr_assert_eq(ints->size_diff, (long long)(3 * int_size));
    cr_assert_str_eq(blobs->func, "alloc_site_a");
    cr_assert_eq(blobs->count, 3);
    cr_assert_eq(blobs->count_diff, -2);
    cr_assert_eq(blobs->size_diff, -(long long)(2 * BLOB_SIZE));
    cr_assert_eq(rc_trace_stats_print(d, stderr, 1), 0);
    rc_trace_stats_free(d);
    /* a group that vanished appears with size 0 */
    for (int i = 2; i < 5; i++)
        rc_decref(a[i]);
    rc_trace_snapshot *later = rc_trace_take_snapshot();
    d = rc_trace_snapshot_compare(later, old, RC_TRACE_BY_TYPE, 0);
    int saw = 0;
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->items[i].type_name, "blob") == 0) {
            saw = 1;
            cr_assert_eq(d->items[i].size, 0);
            cr_assert_eq(d->items[i].count_diff, -5);
        }
    cr_assert(saw);
    rc_trace_stats_free(d);
    cr_assert_null(rc_trace_snapshot_compare(NULL, old, RC_TRACE_BY_LINE, 0));
    rc_trace_snapshot_free(later);
    rc_trace_snapshot_free(now);
    rc_trace_snapshot_free(old);
    for (int i = 0; i < 3; i++)
        rc_decref(b[i]);
}

Test(trace, filters)
{
    rc_trace_start(1);
    rc_object *x = alloc_site_a(), *y = alloc_site_b();
    void *buf = rc_mem_alloc(100);
    rc_trace_snapshot *s = rc_trace_take_snapshot();
    cr_assert_eq(rc_trace_snapshot_count(s), 3);
    rc_trace_filter only_here = { 1, "*test_trace.c", 0, 0, -1 };
    rc_trace_snapshot *f = rc_trace_snapshot_filter(s, &only_here, 1);
    cr_assert_eq(rc_trace_snapshot_count(f), 2, "the blob and the raw buffer");
    rc_trace_snapshot_free(f);
    rc_trace_filter objects_here[2] = { { 1, "*", 0, 0, RC_TRACE_DOMAIN_OBJECT },
                                        { 0, "*test_trace.c", 0, 0, -1 } };
    f = rc_trace_snapshot_filter(s, objects_here, 2);
    cr_assert_eq(rc_trace_snapshot_count(f), 1, "only the int (built-in site, no file)");
    rc_trace_snapshot_free(f);
    rc_trace_filter raw_only = { 1, "*", 0, 0, RC_TRACE_DOMAIN_RAW };
    f = rc_trace_snapshot_filter(s, &raw_only, 1);
    cr_assert_eq(rc_trace_snapshot_size(f), 100);
    rc_trace_snapshot_free(f);
    rc_trace_filter bad = { 1, NULL, 0, 0, -1 };
    cr_assert_null(rc_trace_snapshot_filter(s, &bad, 1));
    cr_assert_null(rc_trace_snapshot_filter(NULL, &bad, 0));
    f = rc_trace_snapshot_filter(s, NULL, 0);
    cr_assert_eq(rc_trace_snapshot_count(f), 3);
    rc_trace_snapshot_free(f);
    rc_trace_snapshot_free(s);
    rc_mem_free(buf);
    rc_decref(x);
    rc_decref(y);
}

__attribute__((noinline)) static rc_object *deep2(void) { return rc_new(&blob_type); }
__attribute__((noinline)) static rc_object *deep1(void) { return deep2(); }

Test(trace, tracebacks_and_cumulative)
{
    rc_trace_start(8);
    rc_object *o = deep1();
    rc_object *p = deep1();
    rc_trace_snapshot *s = rc_trace_take_snapshot();
    rc_trace_stats *st = rc_trace_snapshot_statistics(s, RC_TRACE_BY_TRACEBACK, 0);
    cr_assert_geq(st->n, 1);
    cr_assert_geq(st->items[0].traceback.nframes, 2, "callers are recorded");
    cr_assert_str_eq(st->items[0].traceback.frames[0].func, "deep2");
    cr_assert_eq(rc_trace_stats_print(st, stderr, 0), 0);
    rc_trace_stats_free(st);
    st = rc_trace_snapshot_statistics(s, RC_TRACE_BY_LINE, 1);
    cr_assert_geq(st->n, 2, "cumulative charges every frame");
    rc_trace_stats_free(st);
    rc_trace_snapshot_free(s);
    rc_decref(o);
    rc_decref(p);
}

Test(trace, leak_report_text)
{
    rc_trace_start(1);
    size_t live = rc_object_live_count();
    rc_object *a = alloc_site_a(), *b = alloc_site_a();
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    size_t n = rc_trace_leak_report(f);
    fclose(f);
    cr_assert_eq(n, live + 2);
    char expect[128];
    snprintf(expect, sizeof(expect), "rc leak report: %zu objects alive\n", live + 2);
    cr_assert(strncmp(text, expect, strlen(expect)) == 0, "got: %s", text);
    cr_assert(strstr(text, "rc leak: 2 x blob at ") != NULL, "got: %s", text);
    cr_assert(strstr(text, "test_trace.c:") != NULL);
    cr_assert(strstr(text, "in alloc_site_a (112 bytes)") != NULL || BLOB_SIZE != 56, "got: %s", text);
    free(text);
    rc_decref(a);
    rc_decref(b);
}

Test(trace, dump_and_load_round_trip)
{
    rc_trace_start(4);
    rc_object *a = alloc_site_a(), *b = alloc_site_b(), *c = alloc_site_a();
    rc_trace_traceback tb;
    cr_assert_eq(rc_trace_get_object_traceback(&tb, a), 1);
    cr_assert_geq(tb.nframes, 1);
    cr_assert_str_eq(tb.frames[0].func, "alloc_site_a");
    cr_assert_eq(rc_trace_get_object_traceback(NULL, a), -1);
    rc_trace_snapshot *s = rc_trace_take_snapshot();
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    cr_assert_eq(rc_trace_snapshot_dump(s, f), 0);
    fclose(f);
    f = fmemopen(text, len, "r");
    rc_trace_snapshot *l = rc_trace_snapshot_load(f);
    fclose(f);
    cr_assert_not_null(l, "%s", rc_error_last()->message);
    cr_assert_eq(rc_trace_snapshot_count(l), rc_trace_snapshot_count(s));
    cr_assert_eq(rc_trace_snapshot_size(l), rc_trace_snapshot_size(s));
    rc_trace_stats *d = rc_trace_snapshot_compare(l, s, RC_TRACE_BY_TRACEBACK, 0);
    for (size_t i = 0; i < d->n; i++)
        cr_assert(d->items[i].size_diff == 0 && d->items[i].count_diff == 0, "loaded differs");
    rc_trace_stats_free(d);
    rc_trace_stats *st = rc_trace_snapshot_statistics(l, RC_TRACE_BY_TYPE, 0);
    cr_assert_str_eq(st->items[0].type_name, "blob");
    cr_assert_eq(st->items[0].count, 2);
    rc_trace_stats_free(st);
    rc_trace_snapshot_free(l);
    f = fmemopen((void *)"garbage", 7, "r");
    cr_assert_null(rc_trace_snapshot_load(f));
    cr_assert_eq(rc_error_last()->klass, RC_ERR_ARG);
    fclose(f);
    cr_assert_null(rc_trace_snapshot_load(NULL));
    cr_assert_eq(rc_trace_snapshot_dump(NULL, stderr), -1);
    free(text);
    rc_trace_snapshot_free(s);
    rc_decref(a), rc_decref(b), rc_decref(c);
}

/*
 * refleak.h - a refleak-style delta check for runtime tests (CPython's
 * regrtest -R): run a body once to warm up, then several times, and
 * report how many objects and traced bytes each run left behind.
 */
#ifndef RC_TEST_REFLEAK_H
#define RC_TEST_REFLEAK_H

#include <stddef.h>

#include <rc/rc.h>

typedef struct rc_refleak_delta {
    long objects; /* live objects left per run */
    long bytes;   /* traced bytes left per run (0 unless tracing) */
} rc_refleak_delta;

/* Run fn(arg) 1 + runs times with a full collection after each and return
 * the average growth of the last runs. */
static inline rc_refleak_delta rc_refleak_check(void (*fn)(void *arg), void *arg, int runs)
{
    rc_refleak_delta d = { 0, 0 };
    size_t cur0 = 0, cur1 = 0;
    fn(arg);
    rc_gc_collect(RC_GC_GENERATIONS - 1);
    size_t live0 = rc_object_live_count();
    rc_trace_get_traced_memory(&cur0, NULL);
    for (int i = 0; i < runs; i++) {
        fn(arg);
        rc_gc_collect(RC_GC_GENERATIONS - 1);
    }
    rc_trace_get_traced_memory(&cur1, NULL);
    d.objects = ((long)rc_object_live_count() - (long)live0) / (runs > 0 ? runs : 1);
    d.bytes = ((long)cur1 - (long)cur0) / (runs > 0 ? runs : 1);
    return d;
}

/* Criterion form: fails the test when a body leaks. */
#define RC_ASSERT_NO_REFLEAK(fn, arg)                                                  \
    do {                                                                               \
        rc_refleak_delta rc_d_ = rc_refleak_check((fn), (arg), 3);                     \
        cr_assert(rc_d_.objects == 0 && rc_d_.bytes == 0,                              \
                  "leak: %ld objects, %ld bytes per run", rc_d_.objects, rc_d_.bytes); \
    } while (0)

#endif /* RC_TEST_REFLEAK_H */

/*
 * fault.c - the fail-nth loop of fault.h.
 *
 * Invariant checked after every run: no object created by the run is still
 * alive (live count equal to the count before, after a full collection),
 * and a failing run failed only because of an injected allocation failure
 * and said why (RC_ERR_NOMEM recorded).
 */
#include <stdio.h>
#include <string.h>

#include <rc/rc.h>

#include "fault.h"

int rc_fault_run(rc_fault_report *out, rc_fault_scenario fn, void *arg, int max_runs,
                 int persistent)
{
    memset(out, 0, sizeof(*out));
    rc_gc_collect(RC_GC_GENERATIONS - 1);
    size_t before = rc_object_live_count();
    for (int nth = 1; nth <= max_runs; nth++) {
        rc_error_clear();
        rc_alloc_fail_at(nth, persistent);
        int rc = fn(arg);
        long injected = rc_alloc_failures();
        rc_error_class klass = rc_error_last()->klass;
        rc_alloc_fail_at(0, 0);
        rc_gc_collect(RC_GC_GENERATIONS - 1);
        size_t after = rc_object_live_count();
        out->runs = nth;
        if (rc != 0 && rc != -1) {
            snprintf(out->problem, sizeof(out->problem), "run %d: returned %d", nth, rc);
            return -1;
        }
        if (rc == -1) {
            out->failed_runs++;
            if (injected == 0) {
                snprintf(out->problem, sizeof(out->problem),
                         "run %d: failed without an injected failure (%s)", nth,
                         rc_error_last()->message);
                return -1;
            }
            if (klass != RC_ERR_NOMEM) {
                snprintf(out->problem, sizeof(out->problem),
                         "run %d: failed with error class %s, not nomem", nth,
                         rc_error_class_name(klass));
                return -1;
            }
        }
        if (after != before) {
            snprintf(out->problem, sizeof(out->problem),
                     "run %d: %zu objects alive before, %zu after", nth, before, after);
            return -1;
        }
        if (injected == 0 && rc == 0)
            return 0;
    }
    snprintf(out->problem, sizeof(out->problem), "still failing after %d runs", max_runs);
    return -1;
}

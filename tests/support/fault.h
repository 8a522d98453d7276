/*
 * fault.h - fail-nth fault injection for runtime tests (SQLite's faultsim).
 *
 * rc_fault_run re-runs a scenario with the 1st, 2nd, 3rd ... allocation
 * failing until a run completes without an injected failure. Each run must
 * return 0 (success) or -1 (a clean failure, only when an allocation was
 * failed, with an error recorded), and afterwards, once a full collection
 * has run, exactly as many objects are alive as before the run.
 */
#ifndef RC_TEST_FAULT_H
#define RC_TEST_FAULT_H

#include <stddef.h>

/* A scenario: 0 on success, -1 on a clean failure; releases all it made. */
typedef int (*rc_fault_scenario)(void *arg);

typedef struct rc_fault_report {
    int runs;         /* runs made, the last one without injection */
    int failed_runs;  /* runs in which the scenario returned -1 */
    char problem[256]; /* empty when every run was clean */
} rc_fault_report;

/* Run the loop (at most max_runs). persistent: every allocation after the
 * nth fails too. Returns 0 if every run was clean, -1 with out->problem set. */
int rc_fault_run(rc_fault_report *out, rc_fault_scenario fn, void *arg, int max_runs,
                 int persistent);

#endif /* RC_TEST_FAULT_H */

/*
 * test_leakcheck.c - the leak report at exit, end to end: the helper
 * program runs with RC_LEAKCHECK=1 and its stderr and exit status are
 * checked against the documented format (runtime/README.md).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <rc/rc.h>

typedef struct run {
    int status;
    char err[8192];
} run;

static run run_helper(const char *what, const char *leakcheck)
{
    run r = { 0 };
    char cmd[1024];
    snprintf(cmd, sizeof(cmd), "ASAN_OPTIONS=detect_leaks=0 %s%s %s %s 2>&1 >/dev/null",
             leakcheck ? "RC_LEAKCHECK=" : "", leakcheck ? leakcheck : "", LEAK_HELPER, what);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    size_t n = fread(r.err, 1, sizeof(r.err) - 1, p);
    r.err[n] = '\0';
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return r;
}

Test(leakcheck, no_leak_prints_nothing)
{
    run r = run_helper("none", "1");
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_assert_str_eq(r.err, "");
}

Test(leakcheck, collectable_cycle_is_not_a_leak)
{
    run r = run_helper("cycle", "1");
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_assert_str_eq(r.err, "");
}

Test(leakcheck, leaks_are_reported_by_type_and_site)
{
    run r = run_helper("leak", "1");
    cr_assert_eq(r.status, RC_LEAK_EXIT_CODE, "stderr: %s", r.err);
    cr_assert(strncmp(r.err, "rc leak report: 4 objects alive\n", 32) == 0, "stderr: %s", r.err);
    cr_assert(strstr(r.err, "rc leak: 3 x pair at ") != NULL, "stderr: %s", r.err);
    cr_assert(strstr(r.err, "leak_helper.c:") != NULL, "stderr: %s", r.err);
    cr_assert(strstr(r.err, " in main (") != NULL, "stderr: %s", r.err);
    cr_assert(strstr(r.err, "rc leak: 1 x int at rc_int_new called from ") != NULL, "stderr: %s", r.err);
}

Test(leakcheck, uncollectable_garbage_is_reported)
{
    run r = run_helper("garbage", "1");
    cr_assert_eq(r.status, RC_LEAK_EXIT_CODE, "stderr: %s", r.err);
    cr_assert(strstr(r.err, "rc leak report: 2 objects alive") != NULL, "stderr: %s", r.err);
    cr_assert(strstr(r.err, "rc leak: 2 x stuck at ") != NULL, "stderr: %s", r.err);
}

Test(leakcheck, off_without_the_variable)
{
    run r = run_helper("leak", NULL);
    cr_assert_eq(r.status, 0);
    cr_assert_str_eq(r.err, "");
    r = run_helper("leak", "0");
    cr_assert_eq(r.status, 0);
}

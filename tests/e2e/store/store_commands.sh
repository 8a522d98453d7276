#!/bin/sh
# store_commands.sh — `refcheck report`, `diff`, `baseline` and
# `check --baseline` on a real database; suppressions (an inline comment,
# the baseline) are counted and visible, never dropped. The SARIF files it
# writes go to $SARIF_OUT for the schema validation.
. "$(dirname "$0")/lib.sh"
out_dir=${SARIF_OUT:-$WORK}
make_project p
cd "$WORK/p" || exit 1

run "$REFCHECK" report
check "report before any run exits 2" [ "$status" -eq 2 ]
check "and says there is no database" has "no findings database" "$WORK/err"

run "$REFCHECK" check -p .
check "run 1 has two findings (status $status)" [ "$status" -eq 1 ]

run "$REFCHECK" report
check "report exits 0 (got $status)" [ "$status" -eq 0 ]
check "report shows the two findings" [ "$(grep -c ': \(warning\|error\): ' "$WORK/out")" -eq 2 ]
check "report says which run" has "^refcheck: run 1 (.*): 2 findings shown" "$WORK/err"
run "$REFCHECK" report --new --run 1
check "both are new in run 1" has ": 2 new findings shown" "$WORK/err"
run "$REFCHECK" report --format json -o "$WORK/r.json"
check "report --format json writes a document" has '"findings": \[' "$WORK/r.json"
check "and says which run it is" has '"run":1' "$WORK/r.json"
run "$REFCHECK" report --format sarif -o "$out_dir/sarif_report_run1.sarif.json"
check "report --format sarif writes SARIF" has '"version":"2.1.0"' "$out_dir/sarif_report_run1.sarif.json"
run "$REFCHECK" report --run 7
check "report --run of a missing run exits 2" [ "$status" -eq 2 ]
run "$REFCHECK" report --run x
check "report --run x is a usage error" [ "$status" -eq 2 ]

# ---- the baseline ----
run "$REFCHECK" baseline create
check "baseline create takes the latest run's two findings" has "2 findings of run 1" "$WORK/err"
run "$REFCHECK" baseline show
check "baseline show lists them" [ "$(lines "$WORK/out")" -eq 2 ]
check "with rule and fingerprint" has "\[refcount-leak\] [0-9a-f]\{16\}:1" "$WORK/out"
run "$REFCHECK" check -p . --baseline
check "check --baseline passes when everything is in the baseline (status $status)" [ "$status" -eq 0 ]
check "and says how many it marked" has ", 2 in the baseline" "$WORK/err"
check "baselined findings are not printed as text" [ ! -s "$WORK/out" ]
run "$REFCHECK" check -p . --baseline --format sarif -o "$out_dir/sarif_check_baseline.sarif.json"
check "SARIF marks them suppressed (external)" has '"suppressions":\[{"kind":"external"' "$out_dir/sarif_check_baseline.sarif.json"

# Unrelated lines move: the baseline still matches.
{ printf '/* moved */\n\n\n'; cat other.c; } >o.new && mv o.new other.c
run "$REFCHECK" check -p . --baseline
check "findings keep their identity when lines move (status $status)" [ "$status" -eq 0 ]
check "the moved leak is reported at its new line in the database" sh -c \
  "'$REFCHECK' report --format json 2>/dev/null | grep -q '\"line\":13'"

# A new finding fails the run; only it is printed.
cat >>other.c <<'C'

int fill_more(rc_object *list)
{
    rc_object *n = rc_int_new(2);
    if (n == NULL)
        return -1;
    if (rc_list_append(list, n) < 0)
        return -1;
    rc_decref(n);
    return 0;
}
C
run "$REFCHECK" check -p . --baseline
check "a finding not in the baseline fails (status $status)" [ "$status" -eq 1 ]
check "and only it is printed" [ "$(grep -c ': warning: ' "$WORK/out")" -eq 1 ]
check "it is the new one" has "other.c:24:9: warning" "$WORK/out"
latest=$(sed -n 's/^refcheck: run \([0-9]*\) in .*/\1/p' "$WORK/err")

run "$REFCHECK" diff 1 "$latest"
check "diff exits 1 when findings were added (got $status)" [ "$status" -eq 1 ]
check "diff lists the added finding" has "1 finding in run $latest and not in run 1" "$WORK/out"
run "$REFCHECK" diff "$latest" "$latest"
check "diff of a run with itself exits 0" [ "$status" -eq 0 ]
run "$REFCHECK" diff 1
check "diff needs two runs" [ "$status" -eq 2 ]

# ---- inline suppression ----
sed 's|^        return -1;$|        return -1; // refcheck: ignore[refcount-leak]|' other.c >o.new && mv o.new other.c
run "$REFCHECK" check -p .
check "inline suppressions: the two leaks are suppressed (status $status)" has ", 2 suppressed" "$WORK/err"
check "suppressed findings are not printed as text" sh -c "! grep -q 'refcount-leak' '$WORK/out'"
run "$REFCHECK" check -p . --format json
check "JSON carries them, marked" has '"suppressed":true' "$WORK/out"
run "$REFCHECK" check -p . --format sarif -o "$out_dir/sarif_check_inline.sarif.json"
check "SARIF marks them suppressed (inSource)" has '"kind":"inSource"' "$out_dir/sarif_check_inline.sarif.json"
run "$REFCHECK" report
check "report counts them, and the baselined one" has "0 findings shown, 2 suppressed inline, 1 in the baseline" "$WORK/err"

run "$REFCHECK" baseline clear
check "baseline clear empties it" has "cleared (2 findings)" "$WORK/err"
run "$REFCHECK" baseline show
check "nothing left" [ ! -s "$WORK/out" ]
run "$REFCHECK" baseline frobnicate
check "an unknown baseline action is a usage error" [ "$status" -eq 2 ]
finish

#!/bin/sh
# store_procs.sh — processes sharing a database: two `refcheck check` runs
# at once both finish correctly (one waits for the other's short
# transactions), and a run killed with SIGKILL half-way leaves the previous
# run's findings intact and the database sound. Also the progress line,
# shown on a terminal only.
. "$(dirname "$0")/lib.sh"
make_many many 60
db=$WORK/shared.db

# ---- two at once, on a database neither has created yet ----
"$REFCHECK" check -j1 --db "$db" -p "$WORK/many" >"$WORK/a.out" 2>"$WORK/a.err" &
pa=$!
"$REFCHECK" check -j1 --db "$db" -p "$WORK/many" >"$WORK/b.out" 2>"$WORK/b.err" &
pb=$!
wait $pa; sa=$?
wait $pb; sb=$?
check "first concurrent run exits 1 (findings), got $sa" [ "$sa" -eq 1 ]
check "second concurrent run exits 1 (findings), got $sb" [ "$sb" -eq 1 ]
check "no database errors" sh -c "! grep -q 'error' '$WORK/a.err' '$WORK/b.err'"
check "both print the same 60 findings" sh -c \
  "[ \$(grep -c 'warning:' '$WORK/a.out') -eq 60 ] && cmp -s '$WORK/a.out' '$WORK/b.out'"
for r in 1 2; do
  run "$REFCHECK" report --db "$db" --run $r
  check "run $r is complete and lists 60 findings" has "^refcheck: run $r (.*): 60 findings shown" "$WORK/err"
done
check "the database passes quick_check" [ "$(sqlite3 "$db" 'PRAGMA quick_check')" = ok ]

# ---- progress: on a terminal only ----
# script(1) gives refcheck a terminal; the line is "files done/total, findings so far".
if command -v script >/dev/null 2>&1; then
  script -qec "'$REFCHECK' check -j1 --reanalyse --db '$db' -p '$WORK/many' >/dev/null" "$WORK/tty.log" >/dev/null 2>&1
  check "on a terminal, progress shows files done of total and findings so far" \
    grep -q 'refcheck: [0-9]*/60 files, [0-9]* finding' "$WORK/tty.log"
  run "$REFCHECK" check -j1 --reanalyse --db "$db" -p "$WORK/many"
  check "not on a terminal, no progress" sh -c "! grep -q '/60 files' '$WORK/err'"
else
  bad "script(1) is missing (util-linux): progress not tested"
fi

# ---- killed in the middle ----
make_many big 250
kdb=$WORK/killed.db
run "$REFCHECK" check -j1 --db "$kdb" -p "$WORK/big"
check "run 1 completes (status $status)" [ "$status" -eq 1 ]
run "$REFCHECK" report --db "$kdb"
cp "$WORK/out" "$WORK/run1.txt"
check "run 1 lists 250 findings" has ": 250 findings shown" "$WORK/err"
"$REFCHECK" check -j1 --reanalyse --db "$kdb" -p "$WORK/big" >/dev/null 2>&1 &
pk=$!
# Wait until run 2 has recorded some TUs, then kill it.
n=0
tries=0
while [ "$n" -lt 5 ] && [ "$tries" -lt 600 ]; do
  sleep 0.05
  n=$(sqlite3 "$kdb" "SELECT count(*) FROM files WHERE last_run = 2" 2>/dev/null || echo 0)
  tries=$((tries + 1))
done
kill -KILL $pk
wait $pk; sk=$?
check "run 2 was killed by the signal (status $sk)" [ "$sk" -eq 137 ]
check "in the middle ($n of 250 TUs written)" [ "$n" -ge 5 -a "$n" -lt 250 ]
run "$REFCHECK" report --db "$kdb"
check "report after the kill exits 0 (got $status)" [ "$status" -eq 0 ]
check "it shows run 1, complete" has "^refcheck: run 1 (" "$WORK/err"
check "with the same 250 findings" cmp -s "$WORK/out" "$WORK/run1.txt"
run "$REFCHECK" report --db "$kdb" --run 2
check "run 2 is marked incomplete" has "run 2 (.*, incomplete)" "$WORK/err"
check "the database passes quick_check" [ "$(sqlite3 "$kdb" 'PRAGMA quick_check')" = ok ]
run "$REFCHECK" check -j2 --db "$kdb" -p "$WORK/big"
check "a new run after the kill works (status $status)" [ "$status" -eq 1 ]
check "and finds nothing new or fixed" has "^refcheck: run 3 in .*, 0 new, 0 fixed" "$WORK/err"
finish

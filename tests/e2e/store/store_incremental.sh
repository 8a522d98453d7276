#!/bin/sh
# store_incremental.sh — incremental re-runs and cross-file summaries
# through the database, on a three-file project: util.c defines
# first_item() (returns a borrowed reference, unannotated), main.c releases
# what it returns, other.c is independent and leaks on an error path.
#  - the over-release in main.c is found only with util.c's summary;
#  - an unchanged re-run parses nothing and prints the same findings;
#  - touching other.c re-analyses only other.c;
#  - changing util.c's summary re-analyses util.c and its caller main.c;
#  - touching util.h re-analyses the files that include it, not other.c;
#  - a new flag re-analyses everything.
. "$(dirname "$0")/lib.sh"
make_project p
cd "$WORK/p" || exit 1
db=$WORK/p/.refcheck/refcheck.db

run "$REFCHECK" check --no-db -p .
check "without the database main.c's over-release is not known" sh -c "! grep -q 'main.c:.*over-release' '$WORK/out'"
check "but other.c's leak is" has "other.c:10:9: warning: .*\[refcount-leak\]" "$WORK/out"
check "--no-db writes no database" [ ! -e "$db" ]

run "$REFCHECK" check -p .
cp "$WORK/out" "$WORK/first.txt"
check "first run exits 1 (got $status)" [ "$status" -eq 1 ]
check "util.c's summary reaches main.c" has "main.c:9:5: error: .*\[refcount-over-release\]" "$WORK/out"
check "first run analyses all three" has "run 1 in .*: 3 files analysed, 0 unchanged, 2 new, 0 fixed" "$WORK/err"
check "the database is where it should be" [ -f "$db" ]

run "$REFCHECK" check -p .
check "no-change re-run analyses nothing" has "run 2 in .*: 0 files analysed, 3 unchanged, 0 new, 0 fixed" "$WORK/err"
check "and prints the same findings" cmp -s "$WORK/out" "$WORK/first.txt"
check "with the same exit status (got $status)" [ "$status" -eq 1 ]

touch other.c
printf '\n' >>other.c
run "$REFCHECK" check -p .
check "touching other.c re-analyses it alone" has "run 3 in .*: 1 file analysed, 2 unchanged, 0 new, 0 fixed" "$WORK/err"

sed 's/return rc_list_get(list, 0);/return rc_xnewref(rc_list_get(list, 0));/' util.c >util.c.new && mv util.c.new util.c
run "$REFCHECK" check -p .
check "a new summary for first_item re-analyses util.c and main.c" \
  has "run 4 in .*: 2 files analysed, 1 unchanged, 0 new, 1 fixed" "$WORK/err"
check "the over-release is gone" sh -c "! grep -q 'over-release' '$WORK/out'"
run "$REFCHECK" report --fixed
check "report --fixed shows it" has "main.c:9:5: error: .*\[refcount-over-release\]" "$WORK/out"

printf '/* a comment */\n' >>util.h
run "$REFCHECK" check -p .
check "touching util.h re-analyses its two includers only" has "run 5 in .*: 2 files analysed, 1 unchanged" "$WORK/err"

run "$REFCHECK" check -p . --reanalyse
check "--reanalyse analyses everything" has "run 6 in .*: 3 files analysed, 0 unchanged" "$WORK/err"

sed 's/"-I.", /"-I.", "-DNEW_FLAG", /' compile_commands.json >cc.new && mv cc.new compile_commands.json
run "$REFCHECK" check -p .
check "new flags re-analyse everything" has "run 7 in .*: 3 files analysed, 0 unchanged" "$WORK/err"

run "$REFCHECK" check -p . other.c
check "a run of one file (as editors do) reuses it" has "run 8 in .*: 0 files analysed, 1 unchanged, 0 new, 0 fixed" "$WORK/err"
run "$REFCHECK" check -p . --disable leak
check "other checks re-analyse everything" has "run 9 in .*: 3 files analysed, 0 unchanged" "$WORK/err"
check "and the leak is not reported" sh -c "! grep -q 'refcount-leak' '$WORK/out'"

finish

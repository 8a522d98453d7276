/*
 * check-name: -j 1 and -j 2 print the same, in input order
 * check-command: a=$(mktemp) && b=$(mktemp) && refcheck check --no-db -j 1 --max-stmts 5 "$CASES" > "$a" 2>&1; refcheck check --no-db -j 2 --max-stmts 5 "$CASES" > "$b" 2>&1; cmp "$a" "$b" && echo same; grep -c ': note: function' "$a"; rm -f "$a" "$b"
 * check-exit-value: 0
 *
 * check-output-start
same
1
 * check-output-end
 */

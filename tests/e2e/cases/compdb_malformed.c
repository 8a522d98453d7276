/*
 * check-name: a malformed compile_commands.json is an input error naming the position
 * check-command: d=$(mktemp -d) && printf '[{"directory": "/tmp",\n  "file" "a.c"}]\n' > "$d/compile_commands.json" && refcheck check -p "$d" 2> "$d/err"; rc=$?; sed "s|$d|BUILD|" "$d/err" >&2; rm -rf "$d"; exit $rc
 * check-exit-value: 2
 * check-summary-contains: refcheck: 0 files, 0 functions analysed
 *
 * check-error-start
refcheck: error: BUILD/compile_commands.json:2:14: malformed compile database: ':' expected near '"a.c"'
 * check-error-end
 */

/*
 * check-name: a malformed compile_commands.json is an input error naming the position
 * check-command: d=$(mktemp -d) && printf '[{"directory": "/tmp",\n  "file" "a.c"}]\n' > "$d/compile_commands.json" && refcheck check -p "$d" 2>&1 | sed "s|$d|BUILD|"; exit $(refcheck check -p "$d" >/dev/null 2>&1; echo $?)
 * check-exit-value: 2
 *
 * check-output-start
refcheck: error: BUILD/compile_commands.json:2:14: malformed compile database: ':' expected near '"a.c"'
refcheck: 0 files, 0 functions analysed, 0 skipped, 0 findings
 * check-output-end
 */

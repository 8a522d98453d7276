int listed(void) { return 0; }

/*
 * check-name: a compile database entry for a missing file is an input error; the other entries are analysed
 * check-command: d=$(mktemp -d) && printf '[{"directory": "%s", "file": "gone.c", "command": "cc -c gone.c"}, {"directory": "%s", "file": "%s", "command": "cc -DX -c %s"}]' "$PWD" "$PWD" "$file" "$file" > "$d/compile_commands.json" && refcheck check -p "$d" 2> "$d/err"; rc=$?; sed "s|$d|BUILD|; s|$PWD|CASES|" "$d/err" >&2; rm -rf "$d"; exit $rc
 * check-exit-value: 2
 * check-summary-contains: refcheck: 1 file, 1 function analysed
 *
 * check-error-start
refcheck: error: CASES/gone.c: no such file (listed in BUILD/compile_commands.json)
 * check-error-end
 */

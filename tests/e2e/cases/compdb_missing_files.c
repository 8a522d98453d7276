int listed(void) { return 0; }

/*
 * check-name: a compile database entry for a missing file is an input error; the other entries are analysed
 * check-command: d=$(mktemp -d) && printf '[{"directory": "%s", "file": "gone.c", "command": "cc -c gone.c"}, {"directory": "%s", "file": "%s", "command": "cc -DX -c %s"}]' "$PWD" "$PWD" "$file" "$file" > "$d/compile_commands.json" && refcheck check -p "$d" 2>&1 | sed "s|$d|BUILD|; s|$PWD|CASES|"; exit $(refcheck check -p "$d" >/dev/null 2>&1; echo $?)
 * check-exit-value: 2
 *
 * check-output-start
refcheck: error: CASES/gone.c: no such file (listed in BUILD/compile_commands.json)
refcheck: 1 file, 1 function analysed, 0 skipped, 0 findings
 * check-output-end
 */

#ifndef FROM_DB
#error "the flags of the database entry were not used"
#endif
#include "dep.h"

int uses_dep(void) { return DEP; }

/*
 * check-name: -p reads compile_commands.json: the entry's flags and working directory are used
 * check-command: d=$(mktemp -d) && mkdir "$d/inc" && echo '#define DEP 42' > "$d/inc/dep.h" && printf '[{"directory": "%s", "file": "%s/%s", "arguments": ["gcc", "-DFROM_DB", "-Iinc", "-fconserve-stack", "-c", "%s/%s"]}]' "$d" "$PWD" "$file" "$PWD" "$file" > "$d/compile_commands.json" && refcheck check -p "$d"; rc=$?; rm -rf "$d"; exit $rc
 * check-exit-value: 0
 * check-summary-contains: refcheck: 1 file, 1 function analysed
 */

#!/bin/sh
# editor_vim.sh — the editor wrapper integrations/editor/refcheck-lint with a
# real client: Vim, run headless, loads the wrapper's output into its
# quickfix list through the compiler file integrations/editor/vim (`:compiler
# refcheck`, `:make`), and the entries (file, line, column, type, text) are
# checked. Also: the wrapper finds the nearest compile_commands.json, works
# incrementally through the project's database (another file's summary
# reaches the linted one), and without a compile database.
. "$(dirname "$0")/lib.sh"
lint=$SRC/integrations/editor/refcheck-lint
PATH=$SRC/integrations/editor:$PATH
export PATH REFCHECK
make_project p
mkdir -p "$WORK/p/sub"
cd "$WORK/p/sub" || exit 1

run "$lint" ../other.c
check "lint exits 1 on findings (got $status)" [ "$status" -eq 1 ]
check "it prints diagnostics only" [ "$(grep -cv ':[0-9]*:[0-9]*: \(warning\|error\|note\): ' "$WORK/out")" -eq 0 ]
check "the leak, compiler-style, with an absolute path" \
  has "^$WORK/p/other.c:10:9: warning: reference to 'n' .* leaks on this path \[refcount-leak\]$" "$WORK/out"
check "the path as notes" has "^$WORK/p/other.c:6:20: note: new reference from rc_int_new$" "$WORK/out"
check "nothing on stderr" [ ! -s "$WORK/err" ]
check "the database sits at the project root" [ -f "$WORK/p/.refcheck/refcheck.db" ]

# Cross-file: once util.c was analysed, main.c's lint knows first_item.
run "$lint" ../util.c
check "util.c is clean (status $status)" [ "$status" -eq 0 ]
run "$lint" ../main.c
check "main.c's over-release is found through util.c's stored summary" \
  has "main.c:9:5: error: .*\[refcount-over-release\]" "$WORK/out"

# ---- Vim's quickfix list ----
cd "$WORK/p" || exit 1
qf=$WORK/qf.txt
timeout 120 vim -N -u NONE -i NONE -n -es \
  -c "set rtp^=$SRC/integrations/editor/vim" \
  -c 'edit other.c' -c 'compiler refcheck' -c 'silent make' \
  -c "call writefile(map(getqflist(), {i, e -> bufname(e.bufnr) . '|' . e.lnum . '|' . e.col . '|' . e.type . '|' . e.valid . '|' . e.text}), '$qf')" \
  -c 'qa!' </dev/null >"$WORK/vim.log" 2>&1
check "vim ran and wrote the quickfix list" [ -s "$qf" ]
cat >"$WORK/qf.want" <<QF
other.c|10|9|w|1|reference to 'n' (new, from rc_int_new at line 6) leaks on this path [refcount-leak]
other.c|6|20|n|1|new reference from rc_int_new
other.c|7|9|n|1|'n == NULL' is false
other.c|9|9|n|1|'rc_list_append(...) < 0' is true
QF
check "the quickfix entries are the finding and its notes" cmp -s "$qf" "$WORK/qf.want"
[ -f "$qf" ] && ! cmp -s "$qf" "$WORK/qf.want" && diff "$WORK/qf.want" "$qf"

timeout 120 vim -N -u NONE -i NONE -n -es \
  -c "set rtp^=$SRC/integrations/editor/vim" \
  -c 'edit main.c' -c 'compiler refcheck' -c 'silent make' \
  -c "call writefile(map(filter(getqflist(), 'v:val.type ==# \"e\"'), {i, e -> bufname(e.bufnr) . '|' . e.lnum . '|' . e.col}), '$qf')" \
  -c 'qa!' </dev/null >"$WORK/vim.log" 2>&1
check "an error finding is an 'e' entry at main.c:9:5" [ "$(cat "$qf")" = "main.c|9|5" ]

# ---- no compile database ----
mkdir -p "$WORK/loose"
cp "$SRC/tests/e2e/store/project/other.c" "$WORK/loose/x.c"
run "$lint" "$WORK/loose/x.c"
check "without compile_commands.json it still analyses (status $status)" [ "$status" -eq 1 ]
check "and reports the leak" has "x.c:10:9: warning: " "$WORK/out"

run "$lint" "$WORK/nothing.c"
check "a missing file exits 2" [ "$status" -eq 2 ]
check "naming it" has "nothing.c: no such file" "$WORK/err"
run "$lint"
check "no argument is a usage error" [ "$status" -eq 2 ]
finish

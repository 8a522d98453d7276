# lib.sh — shared by the store's end-to-end scripts (sourced, POSIX sh).
#
# Each script runs `refcheck` ($REFCHECK) on real files in a private
# folder, counts its checks and ends with the line "N passed, N failed"
# (exit 1 if any failed). SRC is the source tree, SARIF_OUT (optional) the
# folder whose SARIF files the sarif_schema test validates.
set -u
: "${REFCHECK:?set REFCHECK to the refcheck binary}"
: "${SRC:?set SRC to the source tree}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/refcheck-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() {
  failed=$((failed + 1))
  echo "FAIL: $*"
  [ -f "$WORK/err" ] && sed 's/^/    stderr: /' "$WORK/err" | tail -n 3
  return 0
}
# check DESCRIPTION COMMAND...: the command must succeed.
check() { d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; }

# run CMD...: run, keeping the exit status in $status, stdout in $WORK/out
# and stderr in $WORK/err.
run() { "$@" >"$WORK/out" 2>"$WORK/err"; status=$?; }
has() { grep -q -- "$1" "$2"; }
lines() { wc -l <"$1" | tr -d ' '; }

# A copy of tests/e2e/store/project (util.c, util.h, main.c, other.c) in
# $WORK/$1 with its compile_commands.json.
make_project() {
  p=$WORK/$1
  mkdir -p "$p"
  cp "$SRC/tests/e2e/store/project/"*.c "$SRC/tests/e2e/store/project/"*.h "$p/"
  write_compdb "$p"
}

# compile_commands.json for every *.c of folder $1 (flags -I.).
write_compdb() {
  {
    echo "["
    sep=""
    for f in "$1"/*.c; do
      printf '%s {"directory": "%s", "file": "%s", "arguments": ["cc", "-I.", "-c", "%s"]}\n' \
        "$sep" "$1" "$f" "$(basename "$f")"
      sep=","
    done
    echo "]"
  } >"$1/compile_commands.json"
}

# $2 files, each with one leak on an error path, in $WORK/$1.
make_many() {
  p=$WORK/$1
  mkdir -p "$p"
  i=1
  while [ "$i" -le "$2" ]; do
    sed "s/\bfill\b/fill_$i/" "$SRC/tests/e2e/store/project/other.c" >"$p/f$i.c"
    i=$((i + 1))
  done
  write_compdb "$p"
}

# The closing line of a check run, e.g. "run 2 in …: 1 file analysed, 3 unchanged, 0 new, 1 fixed".
run_line() { grep '^refcheck: run ' "$WORK/err" | tail -n 1; }

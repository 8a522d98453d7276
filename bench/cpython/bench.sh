#!/bin/sh
# bench.sh — refcheck with the cpython pack against clang-19 on the same
# translation units (DESIGN §8): for each real-code target of
# scripts/real-world/targets.sh, the wall time of
#   1. clang-19 -fsyntax-only   (the floor: libclang's own parse)
#   2. refcheck check --pack cpython -j 1
#   3. clang-19 --analyze       (the Clang static analyzer, default checkers)
# each over the same files with the same flags, one file at a time (refcheck
# with --no-db, so nothing is skipped as unchanged), and the
# ratios refcheck/syntax-only and analyze/refcheck. Run by hand, after
# scripts/real-world/fetch.sh; prints a table, takes no part in ctest.
#
#   bench/cpython/bench.sh [-b REFCHECK] [-r RUNS] [NAME…]
#
# RUNS (default 1): each measurement is the best of RUNS runs.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
CACHE=${REFCHECK_REAL_CACHE:-$HOME/.cache/refcheck-real}
SRC=$CACHE/src
refcheck=$repo/build/dev/analyzer/refcheck
runs=1
while getopts b:r: opt; do
	case $opt in
	b) refcheck=$OPTARG ;;
	r) runs=$OPTARG ;;
	*) echo "usage: bench.sh [-b REFCHECK] [-r RUNS] [NAME...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
. "$repo/scripts/real-world/targets.sh"
[ -x "$refcheck" ] || { echo "bench.sh: $refcheck: not built" >&2; exit 2; }
refcheck=$(cd "$(dirname "$refcheck")" && pwd)/$(basename "$refcheck")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }

# best NAME CMD…: run CMD (in the target's folder) RUNS times, print the best wall time.
best() {
	b=""
	i=0
	while [ $i -lt "$runs" ]; do
		s=$(now)
		"$@" >/dev/null 2>&1
		e=$(now)
		t=$(echo "$e - $s" | bc)
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
		i=$((i + 1))
	done
	echo "$b"
}

each_file() {   # each_file CMD…: run CMD FILE for each file of the target
	for f in $files; do "$@" "$f"; done
}

syntax() { each_file clang-19 -fsyntax-only -w $flags; }
analyze() { each_file clang-19 --analyze -w -o /dev/null $flags; }
ours() {
	"$refcheck" check --pack cpython --no-db -j 1 --format json $files -- $flags \
		>"$tmp/out.json" 2>"$tmp/ours.err"
	echo $? >"$tmp/ours.rc"
}

printf '%-10s %5s %10s %10s %10s %9s %9s\n' target files syntax-only refcheck analyze rc/syntax an/rc
targets | while IFS='|' read -r name dir globs flags; do
	if [ $# -gt 0 ]; then
		case " $* " in *" $name "*) ;; *) continue ;; esac
	fi
	[ -f "$SRC/$dir/.done" ] || { echo "$name: not fetched"; continue; }
	files=$(target_files "$name")
	n=$(echo "$files" | wc -l)
	cd "$SRC/$dir" || continue
	ts=$(best syntax)
	tr=$(best ours)
	if [ "$(cat "$tmp/ours.rc")" -ge 2 ]; then
		echo "$name: refcheck exited $(cat "$tmp/ours.rc"): $(head -1 "$tmp/ours.err")"
		cd - >/dev/null || exit 1
		continue
	fi
	ta=$(best analyze)
	printf '%-10s %5d %9.2fs %9.2fs %9.2fs %8.2fx %8.2fx\n' "$name" "$n" "$ts" "$tr" "$ta" \
		"$(echo "$tr / $ts" | bc -l)" "$(echo "$ta / $tr" | bc -l)"
	cd - >/dev/null || exit 1
done

#!/bin/sh
# bench/parse/run.sh — what the front end costs next to libclang's parse,
# on the SQLite amalgamation (DESIGN §8, issue 2). In one run, on the same
# file, each timed RUNS times (the best and the median CPU seconds,
# user + system, are printed: the CPU time is steadier than wall time on a
# shared machine):
#   1. clang-19 -fsyntax-only -w      the floor
#   2. refcheck, parse only           libclang inside refcheck
#                                     (REFCHECK_DEBUG_PARSE_ONLY=1)
#   3. refcheck dump-ir --stats       parse + lowering to the IR
#   4. refcheck check --no-db -j 1    parse + lowering + analysis (once)
# and the ratios: lowering's cost over the parse (3 against 2), and each
# against clang. The aim for lowering is at most +15% (issue 2).
#
#   bench/parse/run.sh [-b REFCHECK] [-r RUNS] [-n] [-i]
#
#   -n  skip step 4 (the analysis takes minutes on SQLite)
#   -i  also count instructions of 1-3 with valgrind --tool=callgrind:
#       repeatable whatever else the machine does (one run each, slow)
#
# The amalgamation is built from Debian's source package (recipe in
# ../shared/notes/real-code.md) in ${XDG_CACHE_HOME:-$HOME/.cache}/refcheck-bench,
# never in the repository. Enabling deb-src needs root (apt-get source).
# Without -b, the release build is used (built if missing).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/refcheck-bench
refcheck=""
runs=5
with_check=1
with_ir=0
while getopts b:r:ni opt; do
	case $opt in
	b) refcheck=$OPTARG ;;
	r) runs=$OPTARG ;;
	n) with_check=0 ;;
	i) with_ir=1 ;;
	*) echo "usage: bench/parse/run.sh [-b REFCHECK] [-r RUNS] [-n] [-i]" >&2; exit 2 ;;
	esac
done

command -v clang-19 >/dev/null || { echo "run.sh: clang-19 is not installed (scripts/bootstrap)" >&2; exit 2; }

# --- the amalgamation ---
src=$cache/sqlite/sqlite3.c
if [ ! -f "$src" ]; then
	mkdir -p "$cache/dl" "$cache/build" "$cache/sqlite"
	if ! grep -q '^Types: deb deb-src' /etc/apt/sources.list.d/debian.sources 2>/dev/null; then
		sed -i 's/^Types: deb$/Types: deb deb-src/' /etc/apt/sources.list.d/debian.sources
		apt-get update -qq
	fi
	(cd "$cache/dl" && apt-get source --download-only sqlite3 >/dev/null)
	orig=$(ls "$cache"/dl/sqlite3_*.orig.tar.xz | head -n 1)
	rm -rf "$cache/build/sqlite"
	mkdir -p "$cache/build/sqlite"
	tar xJf "$orig" -C "$cache/build/sqlite" --strip-components=1
	(cd "$cache/build/sqlite" && ./configure >/dev/null && make sqlite3.c >/dev/null)
	cp "$cache/build/sqlite/sqlite3.c" "$src"
fi

# --- refcheck ---
if [ -z "$refcheck" ]; then
	refcheck=$repo/build/release/analyzer/refcheck
	if [ ! -x "$refcheck" ]; then
		(cd "$repo" && cmake --preset release >/dev/null && cmake --build --preset release >/dev/null)
	fi
fi
[ -x "$refcheck" ] || { echo "run.sh: $refcheck: not built" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# cpu CMD…: CPU seconds (user + system) of one run of CMD.
cpu() {
	/usr/bin/time -f '%U %S' -o "$tmp/time" "$@" >/dev/null 2>&1 || true
	awk '{ printf "%.3f\n", $1 + $2 }' "$tmp/time"
}

# measure NAME CMD…: RUNS runs; prints "best median".
measure() {
	name=$1
	shift
	: > "$tmp/$name.all"
	i=0
	while [ "$i" -lt "$runs" ]; do
		cpu "$@" >> "$tmp/$name.all"
		i=$((i + 1))
	done
	sort -n "$tmp/$name.all" | awk '{ v[NR] = $1 } END { printf "%.3f %.3f\n", v[1], v[int((NR + 1) / 2)] }'
}

[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
lines=$(wc -l < "$src")
echo "SQLite amalgamation: $src ($lines lines)"
echo "CPU seconds (user+system), best and median of $runs runs"
clang=$(measure clang sh -c "clang-19 -fsyntax-only -w '$src'")
parse=$(measure parse env REFCHECK_DEBUG_PARSE_ONLY=1 "$refcheck" dump-ir --stats "$src")
lower=$(measure lower "$refcheck" dump-ir --stats "$src")
stats=$("$refcheck" dump-ir --stats "$src" | sed 's/^[^:]*: //')

best() { echo "$1" | cut -d' ' -f1; }
med() { echo "$1" | cut -d' ' -f2; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.0f%%", (b > 0 ? (a / b - 1) * 100 : 0) }'; }

printf '  %-34s %7s %7s\n' "" best median
printf '  %-34s %7s %7s\n' "clang-19 -fsyntax-only" "$(best "$clang")" "$(med "$clang")"
printf '  %-34s %7s %7s   (%sx clang)\n' "refcheck: parse only" "$(best "$parse")" "$(med "$parse")" \
	"$(ratio "$(best "$parse")" "$(best "$clang")")"
printf '  %-34s %7s %7s   (%sx clang; lowering %s over the parse)\n' "refcheck dump-ir --stats" \
	"$(best "$lower")" "$(med "$lower")" "$(ratio "$(best "$lower")" "$(best "$clang")")" \
	"$(pct "$(best "$lower")" "$(best "$parse")")"
echo "  lowered: $stats"
if [ "$with_ir" = 1 ]; then
	# instructions CMD…: instructions executed by CMD (callgrind's Ir).
	instructions() {
		valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$@" 2>&1 >/dev/null |
			sed -n 's/.*Collected : *//p'
	}
	ic=$(instructions clang-19 -fsyntax-only -w "$src")
	export REFCHECK_DEBUG_PARSE_ONLY=1
	ip=$(instructions "$refcheck" dump-ir --stats "$src")
	unset REFCHECK_DEBUG_PARSE_ONLY
	il=$(instructions "$refcheck" dump-ir --stats "$src")
	echo "instructions (callgrind, one run each):"
	printf '  %-34s %14s\n' "clang-19 -fsyntax-only" "$ic"
	printf '  %-34s %14s   (%sx clang)\n' "refcheck: parse only" "$ip" "$(ratio "$ip" "$ic")"
	printf '  %-34s %14s   (%sx clang; lowering %s over the parse)\n' "refcheck dump-ir --stats" \
		"$il" "$(ratio "$il" "$ic")" "$(pct "$il" "$ip")"
fi
if [ "$with_check" = 1 ]; then
	check=$(cpu "$refcheck" check --no-db -j 1 "$src")
	printf '  %-34s %7s %7s   (%sx clang; parse, lowering and analysis, one run)\n' \
		"refcheck check --no-db -j 1" "$check" "-" "$(ratio "$check" "$(best "$clang")")"
fi

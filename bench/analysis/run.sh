#!/bin/sh
# bench/analysis/run.sh — the full analysis against libclang's parse and
# against the Clang static analyzer (DESIGN §8, issue 4), side by side in
# one run, on the same translation units with the same flags:
#   1. clang-19 -fsyntax-only          the floor
#   2. refcheck check --no-db -j 1     parse + lowering + the whole analysis
#   3. clang-19 --analyze              Clang's analyzer, default checkers
# on the SQLite amalgamation and on CPython 3.11's Modules/*.c (with the
# cpython pack). Each figure is CPU seconds (user + system; steadier than
# wall time on a shared machine), the sum over the files of a target, best
# of RUNS; refcheck's peak memory (maximum resident set, one worker) is
# printed too. Ratios: refcheck / syntax-only (aim: at most 1.5) and
# --analyze / refcheck (how much faster than the Clang analyzer).
#
#   bench/analysis/run.sh [-b REFCHECK] [-r RUNS] [-s] [-c]
#     -s  SQLite only      -c  CPython only
#
# Sources come from Debian's source packages, cached outside the
# repository: SQLite by bench/parse/run.sh's recipe, CPython by
# scripts/real-world/fetch.sh. Without -b the release build is used.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
refcheck=$repo/build/release/analyzer/refcheck
runs=1
do_sqlite=1
do_cpython=1
while getopts b:r:sc opt; do
	case $opt in
	b) refcheck=$OPTARG ;;
	r) runs=$OPTARG ;;
	s) do_cpython=0 ;;
	c) do_sqlite=0 ;;
	*) echo "usage: bench/analysis/run.sh [-b REFCHECK] [-r RUNS] [-s] [-c]" >&2; exit 2 ;;
	esac
done
[ -x "$refcheck" ] || { echo "run.sh: $refcheck is not built (cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
command -v clang-19 >/dev/null || { echo "run.sh: clang-19 is not installed (scripts/bootstrap)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# cpu FILE CMD...: run CMD, add its user+system seconds to FILE's total,
# keep the largest resident set in FILE.rss.
cpu() {
	acc=$1
	shift
	/usr/bin/time -o "$tmp/t" -f "%U %S %M" "$@" >/dev/null 2>&1 || true
	# time prints "Command exited with non-zero status N" first when the
	# command fails (refcheck exits 1 when it has findings): the figures
	# are on the last line.
	read -r u s m <<EOF || { u=0; s=0; m=0; }
$(tail -n 1 "$tmp/t")
EOF
	old=$(cat "$acc" 2>/dev/null || echo 0)
	echo "$old + $u + $s" | bc >"$acc"
	oldm=$(cat "$acc.rss" 2>/dev/null || echo 0)
	[ "$m" -gt "$oldm" ] && echo "$m" >"$acc.rss" || true
}

# measure NAME DIR FLAGS PACKARGS FILE...: the three tools over the files,
# best of RUNS each, and one line of the table.
measure() {
	name=$1 dir=$2 flags=$3 pack=$4
	shift 4
	best_syn="" best_rc="" best_an=""
	i=0
	while [ $i -lt "$runs" ]; do
		rm -f "$tmp"/syn* "$tmp"/rc* "$tmp"/an*
		for f in "$@"; do
			# shellcheck disable=SC2086
			(cd "$dir" && cpu "$tmp/syn" clang-19 -fsyntax-only -w $flags "$f")
			# shellcheck disable=SC2086
			(cd "$dir" && cpu "$tmp/rc" "$refcheck" check --no-db -j 1 $pack "$f" -- $flags)
			# shellcheck disable=SC2086
			(cd "$dir" && cpu "$tmp/an" clang-19 --analyze -w -o /dev/null $flags "$f")
		done
		for k in syn rc an; do
			v=$(cat "$tmp/$k")
			eval "b=\$best_$k"
			if [ -z "$b" ] || [ "$(echo "$v < $b" | bc)" = 1 ]; then eval "best_$k=$v"; fi
		done
		i=$((i + 1))
	done
	rss=$(($(cat "$tmp/rc.rss") / 1024))
	printf '%-10s %6d %12.2f %12.2f %12.2f %10d %14.2f %14.2f\n' "$name" "$#" \
		"$best_syn" "$best_rc" "$best_an" "$rss" \
		"$(echo "$best_rc / $best_syn" | bc -l)" "$(echo "$best_an / $best_rc" | bc -l)"
}

printf '%-10s %6s %12s %12s %12s %10s %14s %14s\n' target files "syntax s" "refcheck s" \
	"analyze s" "rc MB" "rc/syntax" "analyze/rc"
if [ $do_sqlite = 1 ]; then
	cache=${XDG_CACHE_HOME:-$HOME/.cache}/refcheck-bench
	if [ ! -f "$cache/sqlite/sqlite3.c" ]; then
		"$repo/bench/parse/run.sh" -r 1 -n >/dev/null
	fi
	measure sqlite "$cache/sqlite" "" "" sqlite3.c
fi
if [ $do_cpython = 1 ]; then
	CACHE=${REFCHECK_REAL_CACHE:-$HOME/.cache/refcheck-real}
	SRC=$CACHE/src
	[ -d "$SRC/python3.11/Modules" ] || "$repo/scripts/real-world/fetch.sh" >/dev/null
	. "$repo/scripts/real-world/targets.sh"
	flags=$(targets | awk -F'|' '$1 == "cpython" { print $4 }')
	# shellcheck disable=SC2046
	measure cpython "$SRC/python3.11" "$flags" "--pack cpython" $(target_files cpython)
fi

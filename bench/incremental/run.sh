#!/bin/sh
# run.sh — incremental re-runs on CPython 3.11's Modules/*.c (issue 5,
# DESIGN §8): the cost of a re-run through the findings database against a
# full run, on the same translation units, in one go:
#
#   full        fresh database: every TU parsed and analysed (+ the passes
#               of cross-file summaries)
#   no-db       the same without a database (what the store costs)
#   no-change   again, nothing touched: no TU should be parsed
#   one-file    one module's source touched (a line appended)
#   one-header  a header the hash modules include (Modules/hashlib.h) touched
#
# and prints each time with its ratio to the full run and the files the run
# analysed. Goal: no-change under 10% of full. Run by hand, after
# scripts/real-world/fetch.sh has fetched python3.11 into the cache; works on
# a private copy of Modules/ and Include/, so the cache is never touched.
#
#   bench/incremental/run.sh [-b REFCHECK] [-j N] [-r RUNS]
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
CACHE=${REFCHECK_REAL_CACHE:-$HOME/.cache/refcheck-real}
SRC=$CACHE/src
refcheck=$repo/build/release/analyzer/refcheck
jobs=2
runs=1
while getopts b:j:r: opt; do
	case $opt in
	b) refcheck=$OPTARG ;;
	j) jobs=$OPTARG ;;
	r) runs=$OPTARG ;;
	*) echo "usage: run.sh [-b REFCHECK] [-j N] [-r RUNS]" >&2; exit 2 ;;
	esac
done
. "$repo/scripts/real-world/targets.sh"
[ -x "$refcheck" ] || { echo "run.sh: $refcheck: not built (cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
refcheck=$(cd "$(dirname "$refcheck")" && pwd)/$(basename "$refcheck")
[ -f "$SRC/python3.11/.done" ] || [ -d "$SRC/python3.11/Modules" ] || {
	echo "run.sh: CPython 3.11 not fetched (scripts/real-world/fetch.sh)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/cpython"
cp -r "$SRC/python3.11/Modules" "$SRC/python3.11/Include" "$work/cpython/"
cd "$work/cpython" || exit 1
files=$(target_files cpython)
flags=$(targets | sed -n 's/^cpython|[^|]*|[^|]*|//p')
nfiles=$(echo "$files" | wc -l)
db=$work/refcheck.db

now() { date +%s.%N; }
# measure NAME [options]: one run of refcheck check over the modules (best of
# RUNS when the run leaves the database as it found it); sets $t and $line.
measure() {
	best=""
	i=0
	while [ "$i" -lt "$runs" ]; do
		s=$(now)
		# shellcheck disable=SC2086
		"$refcheck" check --pack cpython -j "$jobs" "$@" --format json -o "$work/out.json" \
			$files -- $flags 2>"$work/err"
		rc=$?
		e=$(now)
		if [ "$rc" -ge 2 ]; then
			echo "run.sh: refcheck exited $rc: $(grep error "$work/err" | head -n 1)" >&2
		fi
		t=$(echo "$e - $s" | bc)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
		i=$((i + 1))
	done
	t=$best
	line=$(grep '^refcheck: run ' "$work/err" | sed 's/^refcheck: run [0-9]* in [^:]*: //')
	[ -n "$line" ] || line="(no database)"
}

row() { printf '%-12s %9.2f s %7.1f%%   %s\n' "$1" "$2" "$(echo "100 * $2 / $full" | bc -l)" "$3"; }

echo "CPython 3.11 Modules: $nfiles files, refcheck -j $jobs ($refcheck)"
printf '%-12s %11s %8s   %s\n' run time "of full" "what the run did"
runs_full=$runs
runs=1
measure --db "$db"
full=$t
row full "$t" "$line"
runs=$runs_full
measure --no-db
row no-db "$t" "$line"
measure --db "$db"
row no-change "$t" "$line"
touched=$(echo "$files" | grep '_json.c$' | head -n 1)
printf '\n/* touched */\n' >>"$touched"
runs=1
measure --db "$db"
row one-file "$t" "$line ($touched)"
header=Modules/hashlib.h      # included by the hash modules
[ -f "$header" ] || header=$(echo "$files" | head -n 1)
printf '\n/* touched */\n' >>"$header"
measure --db "$db"
row one-header "$t" "$line ($header)"

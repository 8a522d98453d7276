#!/bin/sh
# run.sh — run refcheck with the cpython pack on the real code fetch.sh
# downloaded: CPython 3.11's Modules/*.c and third-party extension modules
# (targets.sh). For each target it writes OUT/NAME.json (the findings, each
# with its path as "steps") and OUT/NAME.err (stderr: compiler errors and the
# closing summary), and prints one line:
# target, files, exit status, wall time, findings per rule. A crash (exit
# status 3 or a signal) or a hang (the timeout) is reported as such.
#
#   scripts/real-world/run.sh [-b REFCHECK] [-o OUT] [-t SECONDS] [NAME…]
#
# Defaults: REFCHECK = build/dev/analyzer/refcheck, OUT = $CACHE/out,
# SECONDS = 1800 per target; CACHE = $REFCHECK_REAL_CACHE or
# ~/.cache/refcheck-real (as fetch.sh).
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
CACHE=${REFCHECK_REAL_CACHE:-$HOME/.cache/refcheck-real}
SRC=$CACHE/src
refcheck=$repo/build/dev/analyzer/refcheck
out=$CACHE/out
timeout_s=1800
while getopts b:o:t: opt; do
	case $opt in
	b) refcheck=$OPTARG ;;
	o) out=$OPTARG ;;
	t) timeout_s=$OPTARG ;;
	*) echo "usage: run.sh [-b REFCHECK] [-o OUT] [-t SECONDS] [NAME...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
. "$here/targets.sh"
[ -x "$refcheck" ] || { echo "run.sh: $refcheck: not built" >&2; exit 2; }
mkdir -p "$out"
refcheck=$(cd "$(dirname "$refcheck")" && pwd)/$(basename "$refcheck")

targets | while IFS='|' read -r name dir globs flags; do
	if [ $# -gt 0 ]; then
		case " $* " in *" $name "*) ;; *) continue ;; esac
	fi
	if [ ! -f "$SRC/$dir/.done" ]; then
		echo "$name: not fetched (run scripts/real-world/fetch.sh)"
		continue
	fi
	files=$(target_files "$name")
	n=$(echo "$files" | wc -l)
	start=$(date +%s.%N)
	# shellcheck disable=SC2086
	(cd "$SRC/$dir" && timeout "$timeout_s" "$refcheck" check --pack cpython --no-db --format json \
		$files -- $flags >"$out/$name.json" 2>"$out/$name.err")
	rc=$?
	end=$(date +%s.%N)
	secs=$(echo "$end - $start" | bc)
	case $rc in
	0|1) status="ok" ;;
	2) status="input errors (see $name.err)" ;;
	3) status="INTERNAL ERROR" ;;
	124) status="TIMEOUT after ${timeout_s}s" ;;
	*) status="CRASH (exit $rc)" ;;
	esac
	counts=$(python3 - "$out/$name.json" <<'PY'
import collections, json, sys
try:
    doc = json.load(open(sys.argv[1]))
except (OSError, ValueError):
    print("no json"); sys.exit(0)
fs = doc.get("findings", doc) if isinstance(doc, dict) else doc
c = collections.Counter(f.get("rule", "?") for f in fs)
print(" ".join("%s=%d" % kv for kv in sorted(c.items())) or "no findings")
PY
)
	printf '%-10s %4d files  %-22s %8.2fs  %s\n' "$name" "$n" "$status" "$secs" "$counts"
done

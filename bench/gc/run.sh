#!/bin/sh
# bench/gc/run.sh [--shared DIR] [--quick] [--repeat R] [--n N]...
#
# Builds the runtime in Release (build/bench-release), then measures, in one
# run, our collector (rc_gc_bench) and CPython's gc.collect()
# (/usr/bin/python3.11 SHARED/bench/cpython_gc_baseline.py) on the same
# shapes (pairs, ring, tree, mix) at N = 1e5 and 1e6, and prints ns/object
# for both and the ratio per shape, plus the refcount-only and tracing rows.
# SHARED defaults to ../shared beside the repository root. Medians of 5
# fresh-process runs per row (--repeat R to change; --quick: one
# run). Not a test: it asserts nothing about time.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
shared="$root/../shared"
repeat=5
ns=""
while [ $# -gt 0 ]; do
  case $1 in
    --shared) shared=$2; shift 2 ;;
    --quick) repeat=1; shift ;;
    --repeat) repeat=$2; shift 2 ;;
    --n) ns="$ns --n $2"; shift 2 ;;
    *) echo "usage: $0 [--shared DIR] [--quick] [--repeat R] [--n N]..." >&2; exit 2 ;;
  esac
done
[ -n "$ns" ] || ns="--n 100000 --n 1000000"
python=${PYTHON:-/usr/bin/python3.11}
baseline="$shared/bench/cpython_gc_baseline.py"
[ -f "$baseline" ] || { echo "no $baseline (pass --shared DIR)" >&2; exit 2; }
build="$root/build/bench-release"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRC_BUILD_ANALYZER=OFF \
      -DRC_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target rc_gc_bench >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Interleaved, shape by shape, so that both sides see the same machine load.
for n in $(echo "$ns" | sed 's/--n//g'); do
  for shape in pairs ring tree mix alloc chain_free build_gc_off build_gc_on; do
    "$build/bench/gc/rc_gc_bench" --repeat "$repeat" --n "$n" --shape "$shape" >>"$out/rc.jsonl"
    [ "$shape" = alloc ] && "$build/bench/gc/rc_gc_bench" --repeat "$repeat" --n "$n" \
        --shape alloc_traced >>"$out/rc.jsonl"
    "$python" "$baseline" --repeat "$repeat" --n "$n" --shape "$shape" \
        --json "$out/py-$shape-$n.json" >"$out/py.txt"
  done
done
head -n 1 "$out/py.txt"
echo "# rc: Release build of this tree, medians of $repeat fresh-process runs per row, wall clock"
uptime | sed 's/^/# load at the end:/'
"$python" "$root/bench/gc/compare.py" "$out/rc.jsonl" "$out"/py-*.json

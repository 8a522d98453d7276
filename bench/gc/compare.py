#!/usr/bin/env python3
"""compare.py RC_JSONL CPYTHON_JSON... - print the side-by-side table of run.sh.

RC_JSONL: one JSON object per line from rc_gc_bench (repeats of a shape are
medianed). CPYTHON_JSON: --json outputs of cpython_gc_baseline.py (one or more). The
ratio is CPython / rc per object (higher is better for rc); it is computed
against CPython's net figure (minus its interpreter heap), the harder one.
"""
import json
import sys


def median(xs):
    xs = sorted(xs)
    k = len(xs)
    return xs[k // 2] if k % 2 else (xs[k // 2 - 1] + xs[k // 2]) / 2


def main(rc_path, *py_paths):
    rows = {}
    with open(rc_path) as f:
        for line in f:
            r = json.loads(line)
            rows.setdefault((r["shape"], r["n"]), []).append(r)
    py = {}
    for py_path in py_paths:
        with open(py_path) as f:
            py.update({(r["name"], r["n"]): r for r in json.load(f)["results"]})

    def rc(shape, n, key="ns"):
        runs = rows.get((shape, n))
        return median([r[key] for r in runs]) / n if runs else None

    print("%-28s %9s %12s %12s %10s %8s  %s" % ("shape", "N", "CPython ns", "CPy net ns",
                                                  "rc ns", "ratio", "note"))
    ns = sorted({n for (_, n) in rows})
    for n in ns:
        for shape in ("pairs", "ring", "tree", "mix"):
            p = py.get(("collect " + shape, n))
            mine = rc(shape, n)
            if mine is None:
                continue
            runs = rows[(shape, n)]
            ok = all(r["found"] == r["expect"] for r in runs)
            note = "found=%d expect=%d%s" % (runs[0]["found"], runs[0]["expect"], "" if ok else " MISMATCH")
            if p:
                net = p.get("net_ns_per_obj", p["ns_per_obj"])
                print("%-28s %9d %12.2f %12.2f %10.2f %7.2fx  %s" % ("collect " + shape, n, p["ns_per_obj"],
                                                                      net, mine, net / mine, note))
            else:
                print("%-28s %9d %12s %12s %10.2f %8s  %s" % ("collect " + shape, n, "-", "-", mine, "-", note))
        extra = [("alloc", "ns", "alloc (interp loop)", "allocate N nodes"),
                 ("alloc", "release_ns", "release (list dealloc)", "release N nodes"),
                 ("chain_free", "ns", "release chain (trashcan)", "release an N-chain"),
                 ("build_gc_off", "ns", "build tree, gc off", "build tree, gc off"),
                 ("build_gc_on", "ns", "build tree, gc on", "build tree, gc on")]
        for shape, key, pyname, label in extra:
            mine = rc(shape, n, key)
            if mine is None:
                continue
            p = py.get((pyname, n))
            pv = p.get("net_ns_per_obj", p["ns_per_obj"]) if p else None
            note = ""
            if shape == "build_gc_on":
                note = "collections per gen %s" % rows[(shape, n)][0]["gen_counts"]
            if pv:
                print("%-28s %9d %12.2f %12s %10.2f %7.2fx  %s" % (label, n, p["ns_per_obj"], "%.2f" % pv,
                                                                    mine, pv / mine, note))
            else:
                print("%-28s %9d %12s %12s %10.2f %8s  %s" % (label, n, "-", "-", mine, "-", note))
        a, at = rc("alloc", n), rc("alloc_traced", n)
        r, rt = rc("alloc", n, "release_ns"), rc("alloc_traced", n, "release_ns")
        if a and at:
            print("%-28s %9d %12s %12s %10.2f %7.2fx  %s" % ("tracing(1 frame) alloc", n, "", "", at, at / a,
                                                              "traced/untraced, goal < 2x (CPython ~7x)"))
            print("%-28s %9d %12s %12s %10.2f %7.2fx  %s" % ("tracing(1 frame) release", n, "", "", rt, rt / r,
                                                              "traced/untraced (CPython ~5x)"))
            print("%-28s %9d %12s %12s %10.2f %7.2fx  %s" % ("tracing(1 frame) alloc+release", n, "", "",
                                                              at + rt, (at + rt) / (a + r), "the issue's loop"))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

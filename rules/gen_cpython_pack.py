#!/usr/bin/env python3
"""gen_cpython_pack.py — build rules/cpython.json, the CPython C API pack.

Inputs (both in rules/, so the pack can be regenerated from the repository):
  refcounts.dat          CPython 3.11.2's Doc/data/refcounts.dat: the effect of
                         each function's result and arguments on references.
  cpython_overlay.json   hand-written corrections and additions: steals,
                         failure conventions, out-parameters, format strings,
                         primitives, inline accessors, calls that run code.

What the generator derives from refcounts.dat (format: function:type:param:
effect:comment; a block's first line is the result):
  - an object result (PyObject*, TYPE*, Py*Object*) with +1 returns "new",
    with 0 "borrowed", with "null" "null" (always NULL: PyErr_Format);
    object results fail with NULL;
  - an int or Py_ssize_t result fails "negative", except the predicates
    (…_Check, …_CheckExact), which never fail;
  - an object argument with -1 is stolen (the file is unreliable here: the
    overlay removes the wrong ones and adds the steals it misses);
  - a PyObject** argument with +1 receives a new reference, with 0 a
    borrowed one;
  - object arguments must not be NULL ("nonnull"), except the arguments a
    function documents as optional, listed in the overlay under "nullable",
    and functions whose name starts with Py_X.

The overlay's "functions" map names to entries: its keys replace the
generated ones, a key set to null removes it, an entry set to null removes
the function. "nullable" (generator only) lists argument positions that may
be NULL. "aliases" maps names the headers turn calls into (the _SizeT names
under PY_SSIZE_T_CLEAN, 3.11's _Py_NewRef) to the entry they copy. Every
other top-level key of the overlay is copied into the pack as it is.

  rules/gen_cpython_pack.py            write rules/cpython.json
  rules/gen_cpython_pack.py --check    exit 1 if rules/cpython.json is stale
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DAT = os.path.join(HERE, "refcounts.dat")
OVERLAY = os.path.join(HERE, "cpython_overlay.json")
OUT = os.path.join(HERE, "cpython.json")

INT_TYPES = {"int", "Py_ssize_t", "long", "Py_hash_t"}
# The order keys are written in, so that diffs of the pack stay readable.
KEY_ORDER = ["returns", "fails", "success", "primitive", "arg", "borrowed_from", "stable",
             "steals", "out", "format", "nonnull", "mutates", "runs_code",
             "trusted", "noreturn", "returns_new_contract", "doc"]


class DatError(Exception):
    pass


def norm_type(t):
    return re.sub(r"\s+", "", t)


def is_obj_ptr(t):
    t = norm_type(t).replace("const", "")
    if not t.endswith("*") or t.endswith("**"):
        return False
    base = t[:-1]
    return base in ("TYPE", "PyVarObject") or base.endswith("Object")


def is_obj_ptr_ptr(t):
    t = norm_type(t)
    return t.endswith("**") and t[:-2].endswith("Object")


def read_dat(path):
    """Blocks of (function, [(type, param, effect)]); the first row is the result."""
    blocks = {}
    order = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split(":", 4)
            if len(parts) < 4:
                raise DatError("%s:%d: expected function:type:param:effect:comment" % (path, lineno))
            name, typ, param, effect = (p.strip() for p in parts[:4])
            if not re.match(r"^[A-Za-z_][A-Za-z_0-9]*$", name):
                raise DatError("%s:%d: bad function name %r" % (path, lineno, name))
            if name not in blocks:
                blocks[name] = []
                order.append(name)
            blocks[name].append((typ, param, effect))
    return [(n, blocks[n]) for n in order]


def derive(name, rows):
    """The pack entry refcounts.dat implies for one function."""
    ret_type, _, ret_effect = rows[0]
    e = {}
    if is_obj_ptr(ret_type):
        e["returns"] = {"+1": "new", "0": "borrowed", "null": "null"}.get(ret_effect, "new")
        if e["returns"] != "null":
            e["fails"] = "null"
    elif norm_type(ret_type) in INT_TYPES:
        e["returns"] = "none"
        e["fails"] = "never" if re.search(r"_Check(Exact)?$", name) else "negative"
    elif norm_type(ret_type) == "void":
        e["returns"] = "none"
    steals, outs, nonnull = [], [], []
    pos = 0
    for typ, param, effect in rows[1:]:
        if param == "..." or typ == "...":
            break
        pos += 1
        if is_obj_ptr(typ):
            if effect == "-1":
                steals.append(pos)
            if not name.startswith("Py_X"):
                nonnull.append(pos)
        elif is_obj_ptr_ptr(typ) and effect in ("+1", "0"):
            outs.append({"arg": pos, "ref": "new" if effect == "+1" else "borrowed"})
    if steals:
        e["steals"] = steals
    if outs:
        e["out"] = outs
    if nonnull:
        e["nonnull"] = nonnull
    return e


def apply_overlay(fns, overlay):
    for name, patch in overlay.get("functions", {}).items():
        if patch is None:
            fns.pop(name, None)
            continue
        entry = fns.setdefault(name, {})
        for key, value in patch.items():
            if key == "nullable":
                continue
            if value is None:
                entry.pop(key, None)
            else:
                entry[key] = value
        nullable = set(patch.get("nullable", []))
        if nullable and "nonnull" in entry:
            entry["nonnull"] = [k for k in entry["nonnull"] if k not in nullable]
        if entry.get("nonnull") == []:
            del entry["nonnull"]
    for alias, target in overlay.get("aliases", {}).items():
        if target not in fns:
            raise DatError("%s: alias %s names %s, which is not in the pack" % (OVERLAY, alias, target))
        fns[alias] = dict(fns[target])


def ordered(entry):
    unknown = [k for k in entry if k not in KEY_ORDER]
    if unknown:
        raise DatError("%s: unknown key(s) %s" % (OVERLAY, ", ".join(unknown)))
    return {k: entry[k] for k in KEY_ORDER if k in entry}


def build():
    with open(OVERLAY, encoding="utf-8") as f:
        overlay = json.load(f)
    fns = {name: derive(name, rows) for name, rows in read_dat(DAT)}
    apply_overlay(fns, overlay)
    pack = {}
    for key, value in overlay.items():
        if key not in ("functions", "aliases"):
            pack[key] = value
    pack["functions"] = {name: ordered(fns[name]) for name in sorted(fns)}
    return json.dumps(pack, indent=1, sort_keys=False) + "\n"


def main(argv):
    try:
        text = build()
    except (OSError, ValueError, DatError) as exc:
        print("gen_cpython_pack: %s" % exc, file=sys.stderr)
        return 2
    if argv[1:] == ["--check"]:
        try:
            with open(OUT, encoding="utf-8") as f:
                current = f.read()
        except OSError as exc:
            print("gen_cpython_pack: %s" % exc, file=sys.stderr)
            return 1
        if current != text:
            print("gen_cpython_pack: %s is stale: run rules/gen_cpython_pack.py" % OUT, file=sys.stderr)
            return 1
        print("gen_cpython_pack: %s is up to date (%d bytes)" % (OUT, len(text)))
        return 0
    if argv[1:]:
        print("usage: gen_cpython_pack.py [--check]", file=sys.stderr)
        return 2
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

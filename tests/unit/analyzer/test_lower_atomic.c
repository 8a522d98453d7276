/*
 * test_lower_atomic.c — the atomic builtins lowered as the loads and
 * stores they are (lower_atomic.c): C11 and GNU forms, direct and through
 * pointers, exchange returning the old value, compare-exchange as a branch
 * on the comparison; arithmetic atomics stay opaque. The builtins are
 * written directly so that the test needs no <stdatomic.h>; macros reach
 * the same builtins (the name is read at its spelling location).
 */
#include "lower_util.h"

Test(lower_atomic, stores_loads_exchanges)
{
	static const char src[] = RC_PRELUDE
	"static _Atomic(rc_object *) aslot;\n"
	"static rc_object *pslot;\n"
	"#define STORE(p, v) __c11_atomic_store(p, v, 5)\n"
	"rc_object *atomics(rc_object *o, rc_object *e) {\n"
	"  STORE(&aslot, o);\n"
	"  __atomic_store_n(&pslot, o, 3);\n"
	"  __atomic_store(&pslot, &o, 5);\n"
	"  rc_object *old = __c11_atomic_exchange(&aslot, o, 5);\n"
	"  rc_object *l = __c11_atomic_load(&aslot, 5);\n"
	"  __atomic_load(&pslot, &l, 5);\n"
	"  __atomic_exchange(&pslot, &o, &old, 5);\n"
	"  old = __atomic_exchange_n(&pslot, e, 5);\n"
	"  return l;\n"
	"}\n";
	EXPECT_IR(src, "atomics",
	          "function atomics(o, e) -> rc_object *\n"
	          "  var o: rc_object * (param, addr_taken, obj 1 rc_object)\n"
	          "  var e: rc_object * (param, obj 1 rc_object)\n"
	          "  var old: rc_object * (local, addr_taken, obj 1 rc_object)\n"
	          "  var t1: _Atomic(rc_object *) (temp, obj 1 rc_object)\n"
	          "  var l: rc_object * (local, addr_taken, obj 1 rc_object)\n"
	          "  var t2: rc_object * (temp, obj 1 rc_object)\n"
	          "bb0:\n"
	          "  @aslot = o\n"
	          "  @pslot = o\n"
	          "  @pslot = o\n"
	          "  t1 = @aslot\n"
	          "  @aslot = o\n"
	          "  old = t1\n"
	          "  l = @aslot\n"
	          "  l = @pslot\n"
	          "  old = @pslot\n"
	          "  @pslot = o\n"
	          "  t2 = @pslot\n"
	          "  @pslot = e\n"
	          "  old = t2\n"
	          "  return l\n");
}

Test(lower_atomic, compare_exchange_branches)
{
	static const char src[] = RC_PRELUDE
	"static _Atomic(rc_object *) aslot;\n"
	"int cas(rc_object *cur, rc_object *o) {\n"
	"  if (__c11_atomic_compare_exchange_strong(&aslot, &cur, o, 5, 5))\n"
	"    return 1;\n"
	"  return __atomic_fetch_add((long *)&cur, 1, 5) > 0;\n"
	"}\n";
	EXPECT_IR(src, "cas",
	          "function cas(cur, o) -> int\n"
	          "  var cur: rc_object * (param, addr_taken, obj 1 rc_object)\n"
	          "  var o: rc_object * (param, obj 1 rc_object)\n"
	          "  var t1: _Bool (temp)\n"
	          "bb0:\n"
	          "  branch (@aslot == cur) bb3 bb4\n"
	          "bb1: <- bb5\n"
	          "  return ? > 0\n"
	          "bb2: <- bb5\n"
	          "  return 1\n"
	          "bb3: <- bb0\n"
	          "  @aslot = o\n"
	          "  t1 = 1\n"
	          "  goto bb5\n"
	          "bb4: <- bb0\n"
	          "  cur = @aslot\n"
	          "  t1 = 0\n"
	          "  goto bb5\n"
	          "bb5: <- bb3 bb4\n"
	          "  branch (t1) bb2 bb1\n");
}

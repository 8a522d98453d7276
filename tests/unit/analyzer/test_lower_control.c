/*
 * test_lower_control.c — the CFG of every C statement form (issue 2):
 * if/else, loops with every for-header shape, switch, goto, break,
 * continue, return and noreturn calls. Each test compares the function's
 * IR dump (blocks, statements, edges; no locations) with the expected text.
 *
 * Generated once from the dumps and reviewed by hand; when lowering
 * changes on purpose, review the new dumps the same way.
 */
#include "lower_util.h"

/* if/else: both arms join before the next statement. */
Test(lower_control, if_else)
{
	static const char src[] = RC_PRELUDE
	"void if_else(int a) { if (a) pred(1); else pred(2); pred(3); }\n";
	EXPECT_IR(src, "if_else",
	          "function if_else(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  branch (a) bb2 bb3\n"
	          "bb1: <- bb2 bb3\n"
	          "  pred(3)\n"
	          "  return\n"
	          "bb2: <- bb0\n"
	          "  pred(1)\n"
	          "  goto bb1\n"
	          "bb3: <- bb0\n"
	          "  pred(2)\n"
	          "  goto bb1\n");
}

Test(lower_control, if_no_else)
{
	static const char src[] = RC_PRELUDE
	"void if_no_else(int a) { if (a) pred(1); pred(3); }\n";
	EXPECT_IR(src, "if_no_else",
	          "function if_no_else(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  branch (a) bb2 bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  pred(3)\n"
	          "  return\n"
	          "bb2: <- bb0\n"
	          "  pred(1)\n"
	          "  goto bb1\n");
}

/* An else-if ladder: one join block for the whole ladder. */
Test(lower_control, else_if)
{
	static const char src[] = RC_PRELUDE
	"void else_if(int a) { if (a == 1) pred(1); else if (a == 2) pred(2); else if (a == 3) pred(3); else pred(4); }\n";
	EXPECT_IR(src, "else_if",
	          "function else_if(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  branch (a == 1) bb2 bb3\n"
	          "bb1: <- bb2 bb4 bb6 bb7\n"
	          "  return\n"
	          "bb2: <- bb0\n"
	          "  pred(1)\n"
	          "  goto bb1\n"
	          "bb3: <- bb0\n"
	          "  branch (a == 2) bb4 bb5\n"
	          "bb4: <- bb3\n"
	          "  pred(2)\n"
	          "  goto bb1\n"
	          "bb5: <- bb3\n"
	          "  branch (a == 3) bb6 bb7\n"
	          "bb6: <- bb5\n"
	          "  pred(3)\n"
	          "  goto bb1\n"
	          "bb7: <- bb5\n"
	          "  pred(4)\n"
	          "  goto bb1\n");
}

/* while: a head block with the condition, a back edge from the body. */
Test(lower_control, while_loop)
{
	static const char src[] = RC_PRELUDE
	"void while_loop(int a) { while (a) { a = pred(a); } pred(0); }\n";
	EXPECT_IR(src, "while_loop",
	          "function while_loop(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  branch (a) bb2 bb3\n"
	          "bb2: <- bb1\n"
	          "  a = pred(a)\n"
	          "  goto bb1\n"
	          "bb3: <- bb1\n"
	          "  pred(0)\n"
	          "  return\n");
}

/* A constant condition gives no branch. */
Test(lower_control, while_true)
{
	static const char src[] = RC_PRELUDE
	"void while_true(int a) { while (1) { if (pred(a)) break; } pred(0); }\n";
	EXPECT_IR(src, "while_true",
	          "function while_true(a) -> void\n"
	          "  var a: int (param)\n"
	          "  var t1: int (temp)\n"
	          "bb0:\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb1\n"
	          "  t1 = pred(a)\n"
	          "  branch (t1) bb2 bb1\n"
	          "bb2: <- bb1\n"
	          "  pred(0)\n"
	          "  return\n");
}

Test(lower_control, do_while)
{
	static const char src[] = RC_PRELUDE
	"void do_while(int a) { do { a = pred(a); } while (a > 0); pred(0); }\n";
	EXPECT_IR(src, "do_while",
	          "function do_while(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb1\n"
	          "  a = pred(a)\n"
	          "  branch (a > 0) bb1 bb2\n"
	          "bb2: <- bb1\n"
	          "  pred(0)\n"
	          "  return\n");
}

/* do { } while (0) from a macro is straight-line code: no back edge, no branch on 0. */
Test(lower_control, do_while0)
{
	static const char src[] = RC_PRELUDE
	"void do_while0(rc_object *o) { RC_CLEAR(o); use(o); }\n";
	EXPECT_IR(src, "do_while0",
	          "function do_while0(o) -> void\n"
	          "  var o: rc_object * (param, obj 1 rc_object)\n"
	          "  var rc_tmp_: rc_object * (local, obj 1 rc_object)\n"
	          "bb0:\n"
	          "  rc_tmp_ = o\n"
	          "  branch (rc_tmp_) bb2 bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  use(o)\n"
	          "  return\n"
	          "bb2: <- bb0\n"
	          "  o = NULL\n"
	          "  rc_decref_at(rc_tmp_, \"test.c\", 13) [macro RC_CLEAR]\n"
	          "  goto bb1\n");
}

/* continue in a do-while goes to the condition. */
Test(lower_control, do_continue)
{
	static const char src[] = RC_PRELUDE
	"void do_continue(int a) { do { if (pred(a)) continue; a--; } while (a); }\n";
	EXPECT_IR(src, "do_continue",
	          "function do_continue(a) -> void\n"
	          "  var a: int (param)\n"
	          "  var t1: int (temp)\n"
	          "bb0:\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  t1 = pred(a)\n"
	          "  branch (t1) bb2 bb4\n"
	          "bb2: <- bb1 bb4\n"
	          "  branch (a) bb1 bb3\n"
	          "bb3: <- bb2\n"
	          "  return\n"
	          "bb4: <- bb1\n"
	          "  a = a - 1\n"
	          "  goto bb2\n");
}

/* for with all three parts: init, head (condition), body, increment, back edge. */
Test(lower_control, for_full)
{
	static const char src[] = RC_PRELUDE
	"void for_full(int n) { for (int i = 0; i < n; i++) pred(i); }\n";
	EXPECT_IR(src, "for_full",
	          "function for_full(n) -> void\n"
	          "  var n: int (param)\n"
	          "  var i: int (local)\n"
	          "bb0:\n"
	          "  i = 0\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  branch (i < n) bb2 bb3\n"
	          "bb2: <- bb1\n"
	          "  pred(i)\n"
	          "  i = i + 1\n"
	          "  goto bb1\n"
	          "bb3: <- bb1\n"
	          "  return\n");
}

/* `for (;;)`: libclang gives no placeholder for a missing part; the header's tokens place them. */
Test(lower_control, for_none)
{
	static const char src[] = RC_PRELUDE
	"void for_none(int n) { for (;;) { if (pred(n)) break; } }\n";
	EXPECT_IR(src, "for_none",
	          "function for_none(n) -> void\n"
	          "  var n: int (param)\n"
	          "  var t1: int (temp)\n"
	          "bb0:\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb1\n"
	          "  t1 = pred(n)\n"
	          "  branch (t1) bb2 bb1\n"
	          "bb2: <- bb1\n"
	          "  return\n");
}

/* `for (; n;)`: libclang gives no placeholder for a missing part; the header's tokens place them. */
Test(lower_control, for_cond_only)
{
	static const char src[] = RC_PRELUDE
	"void for_cond_only(int n) { for (; n;) n = pred(n); }\n";
	EXPECT_IR(src, "for_cond_only",
	          "function for_cond_only(n) -> void\n"
	          "  var n: int (param)\n"
	          "bb0:\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  branch (n) bb2 bb3\n"
	          "bb2: <- bb1\n"
	          "  n = pred(n)\n"
	          "  goto bb1\n"
	          "bb3: <- bb1\n"
	          "  return\n");
}

/* `for (n = 0;;)`: libclang gives no placeholder for a missing part; the header's tokens place them. */
Test(lower_control, for_init_only)
{
	static const char src[] = RC_PRELUDE
	"void for_init_only(int n) { for (n = 0;;) { if (pred(n)) break; } }\n";
	EXPECT_IR(src, "for_init_only",
	          "function for_init_only(n) -> void\n"
	          "  var n: int (param)\n"
	          "  var t1: int (temp)\n"
	          "bb0:\n"
	          "  n = 0\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb1\n"
	          "  t1 = pred(n)\n"
	          "  branch (t1) bb2 bb1\n"
	          "bb2: <- bb1\n"
	          "  return\n");
}

/* `for (;; n++)`: libclang gives no placeholder for a missing part; the header's tokens place them. */
Test(lower_control, for_inc_only)
{
	static const char src[] = RC_PRELUDE
	"void for_inc_only(int n) { for (;; n++) { if (pred(n)) break; } }\n";
	EXPECT_IR(src, "for_inc_only",
	          "function for_inc_only(n) -> void\n"
	          "  var n: int (param)\n"
	          "  var t1: int (temp)\n"
	          "bb0:\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  t1 = pred(n)\n"
	          "  branch (t1) bb3 bb2\n"
	          "bb2: <- bb1\n"
	          "  n = n + 1\n"
	          "  goto bb1\n"
	          "bb3: <- bb1\n"
	          "  return\n");
}

/* `for (n = 0; n < 3;)`: libclang gives no placeholder for a missing part; the header's tokens place them. */
Test(lower_control, for_init_cond)
{
	static const char src[] = RC_PRELUDE
	"void for_init_cond(int n) { for (n = 0; n < 3;) n = pred(n); }\n";
	EXPECT_IR(src, "for_init_cond",
	          "function for_init_cond(n) -> void\n"
	          "  var n: int (param)\n"
	          "bb0:\n"
	          "  n = 0\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  branch (n < 3) bb2 bb3\n"
	          "bb2: <- bb1\n"
	          "  n = pred(n)\n"
	          "  goto bb1\n"
	          "bb3: <- bb1\n"
	          "  return\n");
}

/* `for (n = 0;; n++)`: libclang gives no placeholder for a missing part; the header's tokens place them. */
Test(lower_control, for_init_inc)
{
	static const char src[] = RC_PRELUDE
	"void for_init_inc(int n) { for (n = 0;; n++) { if (pred(n)) break; } }\n";
	EXPECT_IR(src, "for_init_inc",
	          "function for_init_inc(n) -> void\n"
	          "  var n: int (param)\n"
	          "  var t1: int (temp)\n"
	          "bb0:\n"
	          "  n = 0\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  t1 = pred(n)\n"
	          "  branch (t1) bb3 bb2\n"
	          "bb2: <- bb1\n"
	          "  n = n + 1\n"
	          "  goto bb1\n"
	          "bb3: <- bb1\n"
	          "  return\n");
}

/* `for (; n < 3; n++)`: libclang gives no placeholder for a missing part; the header's tokens place them. */
Test(lower_control, for_cond_inc)
{
	static const char src[] = RC_PRELUDE
	"void for_cond_inc(int n) { for (; n < 3; n++) pred(n); }\n";
	EXPECT_IR(src, "for_cond_inc",
	          "function for_cond_inc(n) -> void\n"
	          "  var n: int (param)\n"
	          "bb0:\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  branch (n < 3) bb2 bb3\n"
	          "bb2: <- bb1\n"
	          "  pred(n)\n"
	          "  n = n + 1\n"
	          "  goto bb1\n"
	          "bb3: <- bb1\n"
	          "  return\n");
}

/* A for header written in a macro: the parts are placed where the macro spells them. */
Test(lower_control, for_macro)
{
	static const char src[] = RC_PRELUDE
	"#define FOREACH(p, l) for ((p) = (l); (p); )\n"
	"void for_macro(rc_object *l) { rc_object *p; FOREACH(p, l) { use(p); p = NULL; } }\n";
	EXPECT_IR(src, "for_macro",
	          "function for_macro(l) -> void\n"
	          "  var l: rc_object * (param, obj 1 rc_object)\n"
	          "  var p: rc_object * (local, obj 1 rc_object)\n"
	          "bb0:\n"
	          "  p = l\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  branch (p) bb2 bb3\n"
	          "bb2: <- bb1\n"
	          "  use(p)\n"
	          "  p = NULL\n"
	          "  goto bb1\n"
	          "bb3: <- bb1\n"
	          "  return\n");
}

/* Parts passed as macro arguments cannot be placed: the first is the initialiser, the rest
 * run after the body, and the loop may exit at every iteration (conservative). */
Test(lower_control, for_macro_args)
{
	static const char src[] = RC_PRELUDE
	"#define LOOP(init, cond) for (init; cond;)\n"
	"void for_macro_args(int c) { LOOP(c = 0, c < 3) c = pred(c); }\n";
	EXPECT_IR(src, "for_macro_args",
	          "function for_macro_args(c) -> void\n"
	          "  var c: int (param)\n"
	          "bb0:\n"
	          "  c = 0\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  branch (?) bb2 bb3\n"
	          "bb2: <- bb1\n"
	          "  c = pred(c)\n"
	          "  eval c < 3\n"
	          "  goto bb1\n"
	          "bb3: <- bb1\n"
	          "  return\n");
}

/* continue goes to the increment, break to the exit. */
Test(lower_control, continue_break)
{
	static const char src[] = RC_PRELUDE
	"void continue_break(int n) { for (int i = 0; i < n; i++) { if (pred(i)) continue; if (pred(-i)) break; pred(i + 1); } }\n";
	EXPECT_IR(src, "continue_break",
	          "function continue_break(n) -> void\n"
	          "  var n: int (param)\n"
	          "  var i: int (local)\n"
	          "  var t1: int (temp)\n"
	          "  var t2: int (temp)\n"
	          "bb0:\n"
	          "  i = 0\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb3\n"
	          "  branch (i < n) bb2 bb4\n"
	          "bb2: <- bb1\n"
	          "  t1 = pred(i)\n"
	          "  branch (t1) bb3 bb5\n"
	          "bb3: <- bb2 bb6\n"
	          "  i = i + 1\n"
	          "  goto bb1\n"
	          "bb4: <- bb1 bb5\n"
	          "  return\n"
	          "bb5: <- bb2\n"
	          "  t2 = pred(-i)\n"
	          "  branch (t2) bb4 bb6\n"
	          "bb6: <- bb5\n"
	          "  pred(i + 1)\n"
	          "  goto bb3\n");
}

Test(lower_control, switch_fallthrough)
{
	static const char src[] = RC_PRELUDE
	"void switch_fallthrough(int a) { switch (a) { case 1: pred(1); case 2: pred(2); break; default: pred(0); } pred(9); }\n";
	EXPECT_IR(src, "switch_fallthrough",
	          "function switch_fallthrough(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  switch (a) 1:bb2 2:bb3 default:bb4\n"
	          "bb1: <- bb3 bb4\n"
	          "  pred(9)\n"
	          "  return\n"
	          "bb2: <- bb0\n"
	          "  pred(1)\n"
	          "  goto bb3\n"
	          "bb3: <- bb0 bb2\n"
	          "  pred(2)\n"
	          "  goto bb1\n"
	          "bb4: <- bb0\n"
	          "  pred(0)\n"
	          "  goto bb1\n");
}

/* Runs of labels share a block; a GNU range is one case; a label inside a nested statement still belongs to the switch. */
Test(lower_control, switch_nested_cases)
{
	static const char src[] = RC_PRELUDE
	"void switch_nested_cases(int a) { switch (a) { case 1: case 2: case 3 ... 5: pred(1); break; case 6: { if (a) { case 7: pred(7); } } } }\n";
	EXPECT_IR(src, "switch_nested_cases",
	          "function switch_nested_cases(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  switch (a) 1:bb2 2:bb2 3...5:bb2 6:bb3 7:bb4 default:bb1\n"
	          "bb1: <- bb0 bb2 bb3 bb4\n"
	          "  return\n"
	          "bb2: <- bb0\n"
	          "  pred(1)\n"
	          "  goto bb1\n"
	          "bb3: <- bb0\n"
	          "  branch (a) bb4 bb1\n"
	          "bb4: <- bb0 bb3\n"
	          "  pred(7)\n"
	          "  goto bb1\n");
}

Test(lower_control, switch_no_default)
{
	static const char src[] = RC_PRELUDE
	"void switch_no_default(int a) { switch (a) { case 1: pred(1); break; } pred(2); }\n";
	EXPECT_IR(src, "switch_no_default",
	          "function switch_no_default(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  switch (a) 1:bb2 default:bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  pred(2)\n"
	          "  return\n"
	          "bb2: <- bb0\n"
	          "  pred(1)\n"
	          "  goto bb1\n");
}

Test(lower_control, switch_default_first)
{
	static const char src[] = RC_PRELUDE
	"void switch_default_first(int a) { switch (a) { default: pred(0); break; case 1: return; } }\n";
	EXPECT_IR(src, "switch_default_first",
	          "function switch_default_first(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  switch (a) 1:bb2 default:bb1\n"
	          "bb1: <- bb0\n"
	          "  pred(0)\n"
	          "  return\n"
	          "bb2: <- bb0\n"
	          "  return\n");
}

/* Code before the first label is unreachable. */
Test(lower_control, switch_dead_code)
{
	static const char src[] = RC_PRELUDE
	"void switch_dead_code(int a) { switch (a) { pred(-1); case 1: pred(1); } }\n";
	EXPECT_IR(src, "switch_dead_code",
	          "function switch_dead_code(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  switch (a) 1:bb2 default:bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  return\n"
	          "bb2: <- bb0\n"
	          "  pred(1)\n"
	          "  goto bb1\n");
}

/* continue in a switch goes to the enclosing loop; break leaves the switch. */
Test(lower_control, switch_in_loop)
{
	static const char src[] = RC_PRELUDE
	"void switch_in_loop(int a) { while (a) { switch (a) { case 1: continue; case 2: break; } a = pred(a); } }\n";
	EXPECT_IR(src, "switch_in_loop",
	          "function switch_in_loop(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb2 bb4\n"
	          "  branch (a) bb2 bb3\n"
	          "bb2: <- bb1\n"
	          "  switch (a) 1:bb1 2:bb4 default:bb4\n"
	          "bb3: <- bb1\n"
	          "  return\n"
	          "bb4: <- bb2\n"
	          "  a = pred(a)\n"
	          "  goto bb1\n");
}

/* Duff's device: case labels inside a do-while. */
Test(lower_control, switch_duff)
{
	static const char src[] = RC_PRELUDE
	"void switch_duff(int n) { int i = (n + 3) / 4; switch (n % 4) { case 0: do { pred(0); case 3: pred(3); case 2: pred(2); case 1: pred(1); } while (--i > 0); } }\n";
	EXPECT_IR(src, "switch_duff",
	          "function switch_duff(n) -> void\n"
	          "  var n: int (param)\n"
	          "  var i: int (local)\n"
	          "bb0:\n"
	          "  i = (n + 3) / 4\n"
	          "  switch (n % 4) 0:bb2 3:bb3 2:bb4 1:bb5 default:bb1\n"
	          "bb1: <- bb0 bb5\n"
	          "  return\n"
	          "bb2: <- bb0 bb5\n"
	          "  pred(0)\n"
	          "  goto bb3\n"
	          "bb3: <- bb0 bb2\n"
	          "  pred(3)\n"
	          "  goto bb4\n"
	          "bb4: <- bb0 bb3\n"
	          "  pred(2)\n"
	          "  goto bb5\n"
	          "bb5: <- bb0 bb4\n"
	          "  pred(1)\n"
	          "  i = i - 1\n"
	          "  branch (i > 0) bb2 bb1\n");
}

/* Forward and backward gotos; labelled blocks keep their label. */
Test(lower_control, gotos)
{
	static const char src[] = RC_PRELUDE
	"int gotos(int a) { if (a) goto out; pred(1); again: if (pred(2)) goto again; out: return 0; }\n";
	EXPECT_IR(src, "gotos",
	          "function gotos(a) -> int\n"
	          "  var a: int (param)\n"
	          "  var t1: int (temp)\n"
	          "bb0:\n"
	          "  branch (a) bb2 bb1\n"
	          "bb1: <- bb0\n"
	          "  pred(1)\n"
	          "  goto bb3\n"
	          "bb2 (out): <- bb0 bb3\n"
	          "  return 0\n"
	          "bb3 (again): <- bb1 bb3\n"
	          "  t1 = pred(2)\n"
	          "  branch (t1) bb3 bb2\n");
}

/* Code after return is removed. */
Test(lower_control, early_return)
{
	static const char src[] = RC_PRELUDE
	"int early_return(int a) { if (a < 0) return -1; pred(a); return a; pred(100); }\n";
	EXPECT_IR(src, "early_return",
	          "function early_return(a) -> int\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  branch (a < 0) bb2 bb1\n"
	          "bb1: <- bb0\n"
	          "  pred(a)\n"
	          "  return a\n"
	          "bb2: <- bb0\n"
	          "  return -1\n");
}

Test(lower_control, fall_off_end)
{
	static const char src[] = RC_PRELUDE
	"void fall_off_end(rc_object *o) { use(o); }\n";
	EXPECT_IR(src, "fall_off_end",
	          "function fall_off_end(o) -> void\n"
	          "  var o: rc_object * (param, obj 1 rc_object)\n"
	          "bb0:\n"
	          "  use(o)\n"
	          "  return\n");
}

/* abort() and exit() end their block with unreachable. */
Test(lower_control, noreturn_libc)
{
	static const char src[] = RC_PRELUDE
	"#include <stdlib.h>\n"
	"void noreturn_libc(int a) { if (a) abort(); if (a > 1) exit(2); pred(a); }\n";
	EXPECT_IR(src, "noreturn_libc",
	          "function noreturn_libc(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  branch (a) bb2 bb1\n"
	          "bb1: <- bb0\n"
	          "  branch (a > 1) bb4 bb3\n"
	          "bb2: <- bb0\n"
	          "  abort() [noreturn]\n"
	          "  unreachable\n"
	          "bb3: <- bb1\n"
	          "  pred(a)\n"
	          "  return\n"
	          "bb4: <- bb1\n"
	          "  exit(2) [noreturn]\n"
	          "  unreachable\n");
}

/* _Noreturn, __attribute__((noreturn)), assert's __assert_fail and __builtin_unreachable. */
Test(lower_control, noreturn_decls)
{
	static const char src[] = RC_PRELUDE
	"#include <assert.h>\n"
	"_Noreturn void die(void);\n"
	"void die2(const char *) __attribute__((noreturn));\n"
	"void noreturn_decls(int a) { if (a) die(); if (a > 2) die2(\"x\"); assert(a != 3); __builtin_unreachable(); }\n";
	EXPECT_IR(src, "noreturn_decls",
	          "function noreturn_decls(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  branch (a) bb2 bb1\n"
	          "bb1: <- bb0\n"
	          "  branch (a > 2) bb4 bb3\n"
	          "bb2: <- bb0\n"
	          "  die() [noreturn]\n"
	          "  unreachable\n"
	          "bb3: <- bb1\n"
	          "  branch (a != 3) bb5 bb6\n"
	          "bb4: <- bb1\n"
	          "  die2(\"x\") [noreturn]\n"
	          "  unreachable\n"
	          "bb5: <- bb3\n"
	          "  __builtin_unreachable() [noreturn]\n"
	          "  unreachable\n"
	          "bb6: <- bb3\n"
	          "  __assert_fail(\"a != 3\", \"test.c\", 16, \"void noreturn_decls(int)\") [macro assert] [noreturn]\n"
	          "  unreachable\n");
}

/* No exit: nothing returns. */
Test(lower_control, infinite_loop)
{
	static const char src[] = RC_PRELUDE
	"void infinite_loop(void) { for (;;) pred(0); }\n";
	EXPECT_IR(src, "infinite_loop",
	          "function infinite_loop() -> void\n"
	          "bb0:\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb1\n"
	          "  pred(0)\n"
	          "  goto bb1\n");
}

/* __attribute__((cleanup(f))): f(&var) at every exit of var's scope,
 * innermost first, after the return value is taken; a goto lands in the
 * outermost block, so it cleans up only the nested block's variable. */
Test(lower_control, cleanup_attribute_scopes)
{
	static const char src[] = RC_PRELUDE
	"void freep(void *p);\n"
	"int cleanup_scopes(int n) {\n"
	"    __attribute__((cleanup(freep))) char *a = 0;\n"
	"    while (n) {\n"
	"        __attribute__((cleanup(freep))) char *b = 0;\n"
	"        if (n == 1) break;\n"
	"        if (n == 2) goto out;\n"
	"        pred(n);\n"
	"    }\n"
	"out:\n"
	"    return n;\n"
	"}\n";
	EXPECT_IR(src, "cleanup_scopes",
	          "function cleanup_scopes(n) -> int\n"
	          "  var n: int (param)\n"
	          "  var a: char * (local)\n"
	          "  var b: char * (local)\n"
	          "  var t1: int (temp)\n"
	          "bb0:\n"
	          "  a = NULL\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb5\n"
	          "  branch (n) bb2 bb7\n"
	          "bb2: <- bb1\n"
	          "  b = NULL\n"
	          "  branch (n == 1) bb4 bb3\n"
	          "bb3: <- bb2\n"
	          "  branch (n == 2) bb6 bb5\n"
	          "bb4: <- bb2\n"
	          "  freep(&b)\n"
	          "  goto bb7\n"
	          "bb5: <- bb3\n"
	          "  pred(n)\n"
	          "  freep(&b)\n"
	          "  goto bb1\n"
	          "bb6: <- bb3\n"
	          "  freep(&b)\n"
	          "  goto bb7\n"
	          "bb7 (out): <- bb1 bb4 bb6\n"
	          "  t1 = n\n"
	          "  freep(&a)\n"
	          "  return t1\n");
}

/* Through macros (systemd's _cleanup_(f), a pasted GLib-style name), and
 * continue in a for loop. */
Test(lower_control, cleanup_attribute_macros)
{
	static const char src[] = RC_PRELUDE
	"typedef struct Obj Obj;\n"
	"void freep(void *p);\n"
	"void auto_cleanup_Obj(Obj **p);\n"
	"#define _cleanup_(x) __attribute__((__cleanup__(x)))\n"
	"#define _cleanup_free_ _cleanup_(freep)\n"
	"#define g_autoptr(T) __attribute__((cleanup(auto_cleanup_##T))) T *\n"
	"void cleanup_macros(int n) {\n"
	"    for (int i = 0; i < n; i++) {\n"
	"        _cleanup_free_ char *s = 0;\n"
	"        g_autoptr(Obj) o = 0;\n"
	"        if (i == 1) continue;\n"
	"        pred(i);\n"
	"    }\n"
	"}\n";
	EXPECT_IR(src, "cleanup_macros",
	          "function cleanup_macros(n) -> void\n"
	          "  var n: int (param)\n"
	          "  var i: int (local)\n"
	          "  var s: char * (local)\n"
	          "  var o: Obj * (local, elem Obj)\n"
	          "bb0:\n"
	          "  i = 0\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb3\n"
	          "  branch (i < n) bb2 bb4\n"
	          "bb2: <- bb1\n"
	          "  s = NULL\n"
	          "  o = NULL\n"
	          "  branch (i == 1) bb6 bb5\n"
	          "bb3: <- bb5 bb6\n"
	          "  i = i + 1\n"
	          "  goto bb1\n"
	          "bb4: <- bb1\n"
	          "  return\n"
	          "bb5: <- bb2\n"
	          "  pred(i)\n"
	          "  auto_cleanup_Obj(&o)\n"
	          "  freep(&s)\n"
	          "  goto bb3\n"
	          "bb6: <- bb2\n"
	          "  auto_cleanup_Obj(&o)\n"
	          "  freep(&s)\n"
	          "  goto bb3\n");
}

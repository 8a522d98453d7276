/*
 * test_lower_expr.c — expressions: && || ?: and GNU ?: as branches,
 * comma, statement expressions, compound literals, flattened calls,
 * assignments, constants, NULL, fields, addresses, calls through pointers
 * and macros. Each test compares the IR dump (no locations) with the
 * expected text (generated once and reviewed by hand).
 */
#include "lower_util.h"

/* && and || as values: branches writing 1 or 0 to a temporary. */
Test(lower_expr, and_or_values)
{
	static const char src[] = RC_PRELUDE
	"int and_or_values(int a, int b) { int x = a && b; int y = a || pred(b); return x + y; }\n";
	EXPECT_IR(src, "and_or_values",
	          "function and_or_values(a, b) -> int\n"
	          "  var a: int (param)\n"
	          "  var b: int (param)\n"
	          "  var x: int (local)\n"
	          "  var t1: int (temp)\n"
	          "  var y: int (local)\n"
	          "  var t2: int (temp)\n"
	          "  var t3: int (temp)\n"
	          "bb0:\n"
	          "  branch (a) bb4 bb2\n"
	          "bb1: <- bb4\n"
	          "  t1 = 1\n"
	          "  goto bb3\n"
	          "bb2: <- bb0 bb4\n"
	          "  t1 = 0\n"
	          "  goto bb3\n"
	          "bb3: <- bb1 bb2\n"
	          "  x = t1\n"
	          "  branch (a) bb5 bb8\n"
	          "bb4: <- bb0\n"
	          "  branch (b) bb1 bb2\n"
	          "bb5: <- bb3 bb8\n"
	          "  t2 = 1\n"
	          "  goto bb7\n"
	          "bb6: <- bb8\n"
	          "  t2 = 0\n"
	          "  goto bb7\n"
	          "bb7: <- bb5 bb6\n"
	          "  y = t2\n"
	          "  return x + y\n"
	          "bb8: <- bb3\n"
	          "  t3 = pred(b)\n"
	          "  branch (t3) bb5 bb6\n");
}

/* In conditions, && || and ! are edges, not values. */
Test(lower_expr, and_or_conditions)
{
	static const char src[] = RC_PRELUDE
	"int and_or_conditions(int a, int b) { if (!(a && !b) || pred(a)) return 1; return 0; }\n";
	EXPECT_IR(src, "and_or_conditions",
	          "function and_or_conditions(a, b) -> int\n"
	          "  var a: int (param)\n"
	          "  var b: int (param)\n"
	          "  var t1: int (temp)\n"
	          "bb0:\n"
	          "  branch (a) bb4 bb2\n"
	          "bb1: <- bb3\n"
	          "  return 0\n"
	          "bb2: <- bb0 bb3 bb4\n"
	          "  return 1\n"
	          "bb3: <- bb4\n"
	          "  t1 = pred(a)\n"
	          "  branch (t1) bb2 bb1\n"
	          "bb4: <- bb0\n"
	          "  branch (b) bb2 bb3\n");
}

/* `a && f()` as a statement: f runs only when a holds. */
Test(lower_expr, and_discarded)
{
	static const char src[] = RC_PRELUDE
	"void and_discarded(int a) { a && pred(a); }\n";
	EXPECT_IR(src, "and_discarded",
	          "function and_discarded(a) -> void\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  branch (a) bb1 bb2\n"
	          "bb1: <- bb0\n"
	          "  pred(a)\n"
	          "  goto bb2\n"
	          "bb2: <- bb0 bb1\n"
	          "  return\n");
}

/* ?: assigns its target on each arm; as a statement, only the arms run. */
Test(lower_expr, ternary)
{
	static const char src[] = RC_PRELUDE
	"int ternary(int a) { int v = a ? pred(1) : 2; a ? pred(3) : pred(4); return v; }\n";
	EXPECT_IR(src, "ternary",
	          "function ternary(a) -> int\n"
	          "  var a: int (param)\n"
	          "  var v: int (local)\n"
	          "bb0:\n"
	          "  branch (a) bb1 bb2\n"
	          "bb1: <- bb0\n"
	          "  v = pred(1)\n"
	          "  goto bb3\n"
	          "bb2: <- bb0\n"
	          "  v = 2\n"
	          "  goto bb3\n"
	          "bb3: <- bb1 bb2\n"
	          "  branch (a) bb4 bb5\n"
	          "bb4: <- bb3\n"
	          "  pred(3)\n"
	          "  goto bb6\n"
	          "bb5: <- bb3\n"
	          "  pred(4)\n"
	          "  goto bb6\n"
	          "bb6: <- bb4 bb5\n"
	          "  return v\n");
}

/* ?: as an argument: a temporary. */
Test(lower_expr, ternary_value)
{
	static const char src[] = RC_PRELUDE
	"int ternary_value(int a) { return pred(a ? 1 : 2); }\n";
	EXPECT_IR(src, "ternary_value",
	          "function ternary_value(a) -> int\n"
	          "  var a: int (param)\n"
	          "  var t1: int (temp)\n"
	          "  var t2: int (temp)\n"
	          "bb0:\n"
	          "  branch (a) bb1 bb2\n"
	          "bb1: <- bb0\n"
	          "  t1 = 1\n"
	          "  goto bb3\n"
	          "bb2: <- bb0\n"
	          "  t1 = 2\n"
	          "  goto bb3\n"
	          "bb3: <- bb1 bb2\n"
	          "  t2 = pred(t1)\n"
	          "  return t2\n");
}

/* GNU a ?: b evaluates a once. */
Test(lower_expr, gnu_cond)
{
	static const char src[] = RC_PRELUDE
	"int gnu_cond(int a) { return pred(a) ?: 7; }\n";
	EXPECT_IR(src, "gnu_cond",
	          "function gnu_cond(a) -> int\n"
	          "  var a: int (param)\n"
	          "  var t1: int (temp)\n"
	          "  var t2: int (temp)\n"
	          "bb0:\n"
	          "  t2 = pred(a)\n"
	          "  t1 = t2\n"
	          "  branch (t1) bb2 bb1\n"
	          "bb1: <- bb0\n"
	          "  t1 = 7\n"
	          "  goto bb2\n"
	          "bb2: <- bb0 bb1\n"
	          "  return t1\n");
}

Test(lower_expr, gnu_cond_in_if)
{
	static const char src[] = RC_PRELUDE
	"int gnu_cond_in_if(int a) { if (pred(a) ?: pred(0)) return 1; return 0; }\n";
	EXPECT_IR(src, "gnu_cond_in_if",
	          "function gnu_cond_in_if(a) -> int\n"
	          "  var a: int (param)\n"
	          "  var t1: int (temp)\n"
	          "  var t2: int (temp)\n"
	          "bb0:\n"
	          "  t1 = pred(a)\n"
	          "  branch (t1) bb2 bb3\n"
	          "bb1: <- bb3\n"
	          "  return 0\n"
	          "bb2: <- bb0 bb3\n"
	          "  return 1\n"
	          "bb3: <- bb0\n"
	          "  t2 = pred(0)\n"
	          "  branch (t2) bb2 bb1\n");
}

Test(lower_expr, comma)
{
	static const char src[] = RC_PRELUDE
	"int comma(int a) { int b = (pred(a), a + 1); for (a = 0, b = 1; a < b; a++, b--) ; return b; }\n";
	EXPECT_IR(src, "comma",
	          "function comma(a) -> int\n"
	          "  var a: int (param)\n"
	          "  var b: int (local)\n"
	          "bb0:\n"
	          "  pred(a)\n"
	          "  b = a + 1\n"
	          "  a = 0\n"
	          "  b = 1\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  branch (a < b) bb2 bb3\n"
	          "bb2: <- bb1\n"
	          "  a = a + 1\n"
	          "  b = b - 1\n"
	          "  goto bb1\n"
	          "bb3: <- bb1\n"
	          "  return b\n");
}

Test(lower_expr, comma_in_cond)
{
	static const char src[] = RC_PRELUDE
	"int comma_in_cond(int a) { while (a = pred(a), a > 0) ; return a; }\n";
	EXPECT_IR(src, "comma_in_cond",
	          "function comma_in_cond(a) -> int\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  goto bb1\n"
	          "bb1: <- bb0 bb1\n"
	          "  a = pred(a)\n"
	          "  branch (a > 0) bb1 bb2\n"
	          "bb2: <- bb1\n"
	          "  return a\n");
}

/* A statement expression's value is its last expression. */
Test(lower_expr, stmt_expr)
{
	static const char src[] = RC_PRELUDE
	"int stmt_expr(int a) { int b = ({ int t = pred(a); t * 2; }); return b; }\n";
	EXPECT_IR(src, "stmt_expr",
	          "function stmt_expr(a) -> int\n"
	          "  var a: int (param)\n"
	          "  var b: int (local)\n"
	          "  var t: int (local)\n"
	          "bb0:\n"
	          "  t = pred(a)\n"
	          "  b = t * 2\n"
	          "  return b\n");
}

/* A compound literal is a temporary object initialised member by member, in order. */
Test(lower_expr, compound_literal)
{
	static const char src[] = RC_PRELUDE
	"struct pt { int x, y; };\n"
	"int compound_literal(int a) { struct pt p = (struct pt){ .y = a, .x = pred(a) }; return p.x; }\n";
	EXPECT_IR(src, "compound_literal",
	          "function compound_literal(a) -> int\n"
	          "  var a: int (param)\n"
	          "  var p: struct pt (local, record pt)\n"
	          "  var t1: struct pt (temp, record pt)\n"
	          "bb0:\n"
	          "  t1.y = a\n"
	          "  t1.x = pred(a)\n"
	          "  p = t1\n"
	          "  return p.x\n");
}

/* Nested calls become temporaries in evaluation order. */
Test(lower_expr, nested_calls)
{
	static const char src[] = RC_PRELUDE
	"int g(int), h(int, int);\n"
	"int nested_calls(int a) { return h(g(a), g(g(a + 1))); }\n";
	EXPECT_IR(src, "nested_calls",
	          "function nested_calls(a) -> int\n"
	          "  var a: int (param)\n"
	          "  var t1: int (temp)\n"
	          "  var t2: int (temp)\n"
	          "  var t3: int (temp)\n"
	          "  var t4: int (temp)\n"
	          "bb0:\n"
	          "  t1 = g(a)\n"
	          "  t2 = g(a + 1)\n"
	          "  t3 = g(t2)\n"
	          "  t4 = h(t1, t3)\n"
	          "  return t4\n");
}

/* __builtin_expect(e, c) is e. */
Test(lower_expr, builtin_expect)
{
	static const char src[] = RC_PRELUDE
	"int builtin_expect(int a) { if (__builtin_expect(a > 2, 0)) return 1; return __builtin_expect(a, 1); }\n";
	EXPECT_IR(src, "builtin_expect",
	          "function builtin_expect(a) -> int\n"
	          "  var a: int (param)\n"
	          "bb0:\n"
	          "  branch (a > 2) bb2 bb1\n"
	          "bb1: <- bb0\n"
	          "  return a\n"
	          "bb2: <- bb0\n"
	          "  return 1\n");
}

/* x op= y is x = x op y. */
Test(lower_expr, compound_assign)
{
	static const char src[] = RC_PRELUDE
	"int compound_assign(int a, int *p) { a += 2; a <<= 1; *p -= a; p[1] |= 4; return a; }\n";
	EXPECT_IR(src, "compound_assign",
	          "function compound_assign(a, p) -> int\n"
	          "  var a: int (param)\n"
	          "  var p: int * (param)\n"
	          "bb0:\n"
	          "  a = a + 2\n"
	          "  a = a << 1\n"
	          "  *p = *p - a\n"
	          "  p[1] = p[1] | 4\n"
	          "  return a\n");
}

/* ++/--: x = x + 1; a postfix whose value is used copies the old value first. */
Test(lower_expr, inc_dec)
{
	static const char src[] = RC_PRELUDE
	"int inc_dec(int a) { int b = a++; int c = ++a; a--; --a; return b + c; }\n";
	EXPECT_IR(src, "inc_dec",
	          "function inc_dec(a) -> int\n"
	          "  var a: int (param)\n"
	          "  var b: int (local)\n"
	          "  var t1: int (temp)\n"
	          "  var c: int (local)\n"
	          "bb0:\n"
	          "  t1 = a\n"
	          "  a = t1 + 1\n"
	          "  b = t1\n"
	          "  a = a + 1\n"
	          "  c = a\n"
	          "  a = a - 1\n"
	          "  a = a - 1\n"
	          "  return b + c\n");
}

/* An assignment used as a value: the call writes to its target, which is then read. */
Test(lower_expr, assign_value)
{
	static const char src[] = RC_PRELUDE
	"rc_object *assign_value(rc_object *o) { rc_object *x; if ((x = rc_new()) == NULL) return NULL; use(x); return x; }\n";
	EXPECT_IR(src, "assign_value",
	          "function assign_value(o) -> rc_object *\n"
	          "  var o: rc_object * (param, obj 1 rc_object)\n"
	          "  var x: rc_object * (local, obj 1 rc_object)\n"
	          "bb0:\n"
	          "  x = rc_new()\n"
	          "  branch (x == NULL) bb2 bb1\n"
	          "bb1: <- bb0\n"
	          "  use(x)\n"
	          "  return x\n"
	          "bb2: <- bb0\n"
	          "  return NULL\n");
}

Test(lower_expr, decl_init_call)
{
	static const char src[] = RC_PRELUDE
	"rc_object *decl_init_call(void) { rc_object *o = rc_new(), *p = o; use(p); return o; }\n";
	EXPECT_IR(src, "decl_init_call",
	          "function decl_init_call() -> rc_object *\n"
	          "  var o: rc_object * (local, obj 1 rc_object)\n"
	          "  var p: rc_object * (local, obj 1 rc_object)\n"
	          "bb0:\n"
	          "  o = rc_new()\n"
	          "  p = o\n"
	          "  use(p)\n"
	          "  return o\n");
}

/* Integer constants, enumerators and sizeof fold. */
Test(lower_expr, constants)
{
	static const char src[] = RC_PRELUDE
	"enum { ONE = 1, TWO };\n"
	"int constants(void) { return ONE + TWO + sizeof(int) + 'a' + (1 << 3); }\n";
	EXPECT_IR(src, "constants",
	          "function constants() -> int\n"
	          "bb0:\n"
	          "  return 112\n");
}

/* NULL, ((void *)0) and 0 as pointers are IR_E_NULL. */
Test(lower_expr, null_forms)
{
	static const char src[] = RC_PRELUDE
	"struct node { RC_OBJECT_HEAD; rc_object *left; struct node *next; int n; rc_object *items[2]; };\n"
	"rc_object *null_forms(struct node *n) { n->left = 0; n->next = NULL; if (n->left == 0) return (void *)0; return 0; }\n";
	EXPECT_IR(src, "null_forms",
	          "function null_forms(n) -> rc_object *\n"
	          "  var n: struct node * (param, obj 1 node)\n"
	          "bb0:\n"
	          "  n->left = NULL\n"
	          "  n->next = NULL\n"
	          "  branch (n->left == NULL) bb2 bb1\n"
	          "bb1: <- bb0\n"
	          "  return NULL\n"
	          "bb2: <- bb0\n"
	          "  return NULL\n");
}

/* . -> [] and & on fields; casts are dropped. */
Test(lower_expr, fields)
{
	static const char src[] = RC_PRELUDE
	"struct node { RC_OBJECT_HEAD; rc_object *left; struct node *next; int n; rc_object *items[2]; };\n"
	"void fields(struct node *n, struct node s) { use(n->left); use(s.left); use(n->next->left); use((*n).left); use(n->items[1]); use(&n->ob_base); }\n";
	EXPECT_IR(src, "fields",
	          "function fields(n, s) -> void\n"
	          "  var n: struct node * (param, obj 1 node)\n"
	          "  var s: struct node (param, record node)\n"
	          "bb0:\n"
	          "  use(n->left)\n"
	          "  use(s.left)\n"
	          "  use(n->next->left)\n"
	          "  use((*n).left)\n"
	          "  use(n->items[1])\n"
	          "  use(&n->ob_base)\n"
	          "  return\n");
}

/* addr_taken: &x and &s.x take addresses; indexing an array or reading y does not. */
Test(lower_expr, addr_taken)
{
	static const char src[] = RC_PRELUDE
	"int g(int), h(int, int);\n"
	"struct pt { int x, y; };\n"
	"void addr_taken(void) { int x; int arr[3]; int y; struct pt s; g(*&x); h(&s.x == 0, 0); pred(arr[0]); g(y); }\n";
	EXPECT_IR(src, "addr_taken",
	          "function addr_taken() -> void\n"
	          "  var x: int (local, addr_taken)\n"
	          "  var arr: int[3] (local)\n"
	          "  var y: int (local)\n"
	          "  var s: struct pt (local, addr_taken, record pt)\n"
	          "bb0:\n"
	          "  g(x)\n"
	          "  h(&s.x == NULL, 0)\n"
	          "  pred(arr[0])\n"
	          "  g(y)\n"
	          "  return\n");
}

/* An array passed to a function may be written through: addr_taken. */
Test(lower_expr, array_decay)
{
	static const char src[] = RC_PRELUDE
	"void fill(rc_object **out);\n"
	"void array_decay(void) { rc_object *items[2]; fill(items); use(items[0]); }\n";
	EXPECT_IR(src, "array_decay",
	          "function array_decay() -> void\n"
	          "  var items: rc_object *[2] (local, addr_taken, obj 1 rc_object)\n"
	          "bb0:\n"
	          "  fill(items)\n"
	          "  use(items[0])\n"
	          "  return\n");
}

/* Calls through pointers have no callee name; fn is the pointer. */
Test(lower_expr, indirect_calls)
{
	static const char src[] = RC_PRELUDE
	"int (*fp)(int);\n"
	"struct ops { int (*run)(int); };\n"
	"void indirect_calls(struct ops *o) { fp(1); (*fp)(2); o->run(3); }\n";
	EXPECT_IR(src, "indirect_calls",
	          "function indirect_calls(o) -> void\n"
	          "  var o: struct ops * (param, elem ops)\n"
	          "bb0:\n"
	          "  (*@fp)(1)\n"
	          "  (*@fp)(2)\n"
	          "  (*o->run)(3)\n"
	          "  return\n");
}

/* Calls made by macros keep the outermost macro's name; a call written in a macro argument has none. */
Test(lower_expr, macro_calls)
{
	static const char src[] = RC_PRELUDE
	"struct node { RC_OBJECT_HEAD; rc_object *left; struct node *next; int n; rc_object *items[2]; };\n"
	"rc_object *mk(int);\n"
	"void macro_calls(struct node *n) { rc_decref(n); rc_decref(mk(3)); RC_CLEAR(n->left); rc_incref(n->next); }\n";
	EXPECT_IR(src, "macro_calls",
	          "function macro_calls(n) -> void\n"
	          "  var n: struct node * (param, obj 1 node)\n"
	          "  var t1: rc_object * (temp, obj 1 rc_object)\n"
	          "  var rc_tmp_: rc_object * (local, obj 1 rc_object)\n"
	          "bb0:\n"
	          "  rc_decref_at(n, \"test.c\", 15) [macro rc_decref]\n"
	          "  t1 = mk(3)\n"
	          "  rc_decref_at(t1, \"test.c\", 15) [macro rc_decref]\n"
	          "  rc_tmp_ = n->left\n"
	          "  branch (rc_tmp_) bb2 bb1\n"
	          "bb1: <- bb0 bb2\n"
	          "  rc_incref_at(n->next, \"test.c\", 15) [macro rc_incref]\n"
	          "  return\n"
	          "bb2: <- bb0\n"
	          "  n->left = NULL\n"
	          "  rc_decref_at(rc_tmp_, \"test.c\", 15) [macro RC_CLEAR]\n"
	          "  goto bb1\n");
}

Test(lower_expr, casts_dropped)
{
	static const char src[] = RC_PRELUDE
	"rc_object *casts_dropped(void *p) { return (rc_object *)p; }\n";
	EXPECT_IR(src, "casts_dropped",
	          "function casts_dropped(p) -> rc_object *\n"
	          "  var p: void * (param)\n"
	          "bb0:\n"
	          "  return p\n");
}

/* String literals are decoded and joined. */
Test(lower_expr, strings)
{
	static const char src[] = RC_PRELUDE
	"int strings(void) { const char *s = \"a\\tb\" \"c\"; return s[0]; }\n";
	EXPECT_IR(src, "strings",
	          "function strings() -> int\n"
	          "  var s: const char * (local)\n"
	          "bb0:\n"
	          "  s = \"a\\tbc\"\n"
	          "  return s[0]\n");
}

/* A local initialiser list: one assignment per element, by member name. */
Test(lower_expr, struct_init)
{
	static const char src[] = RC_PRELUDE
	"struct node { RC_OBJECT_HEAD; rc_object *left; struct node *next; int n; rc_object *items[2]; };\n"
	"void struct_init(rc_object *a) { struct node n = { { 1, 0 }, a, 0 }; use(n.left); }\n";
	EXPECT_IR(src, "struct_init",
	          "function struct_init(a) -> void\n"
	          "  var a: rc_object * (param, obj 1 rc_object)\n"
	          "  var n: struct node (local, record node)\n"
	          "bb0:\n"
	          "  n.ob_base.refcnt = 1\n"
	          "  n.ob_base.type = NULL\n"
	          "  n.left = a\n"
	          "  n.next = NULL\n"
	          "  use(n.left)\n"
	          "  return\n");
}

/*
 * test_lower_smoke.c — the front end end to end on a tiny function:
 * parsing an in-memory file, lowering, dumping.
 */
#include "lower_util.h"

Test(lower_smoke, straight_line)
{
	EXPECT_IR(RC_PRELUDE "int f(int a) { int b = a + 1; return b; }\n", "f",
	          "function f(a) -> int\n"
	          "  var a: int (param)\n"
	          "  var b: int (local)\n"
	          "bb0:\n"
	          "  b = a + 1\n"
	          "  return b\n");
}

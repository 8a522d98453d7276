/*
 * check-name: a generated function over the default statement limit is skipped, without a crash
 * check-command: d=$(mktemp -d) && awk 'BEGIN { print "int f(int a) {"; for (i = 0; i < 100010; i++) print "a++;"; print "return a; }"; print "int g(void) { return 0; }" }' > "$d/big.c" && refcheck check "$d/big.c" 2>&1 | sed "s|$d/||"; rm -rf "$d"
 * check-output-contains: big.c:1:5: note: function 'f' skipped: too large (100010 statements, limit 100000)
 * check-output-contains: refcheck: 1 file, 1 function analysed, 1 skipped
 */

/*
 * check-name: 12000 nested ifs (more than libclang's own 8 MB parse thread survives) are skipped as nested too deeply, without a stack overflow
 * check-command: d=$(mktemp -d) && awk 'BEGIN { print "int f(int a) {"; for (i = 0; i < 12000; i++) printf "if (a) "; print "a++;"; print "return a; }"; print "int g(void) { return 0; }" }' > "$d/deep.c" && refcheck check "$d/deep.c" 2>&1 | sed "s|$d/||"; rm -rf "$d"
 * check-output-contains: deep.c:1:5: note: function 'f' skipped: nested too deeply (more than 1000 levels)
 * check-output-contains: refcheck: 1 file, 1 function analysed, 1 skipped
 */

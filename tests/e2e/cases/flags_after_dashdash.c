#ifndef FLAG
#error "FLAG was not passed"
#endif
int f(void) { return FLAG; }

/*
 * check-name: flags after -- reach the compiler; unknown GCC-only flags are not errors
 * check-command: refcheck check $file -- -DFLAG=3 -fconserve-stack -Wno-stringop-truncation
 * check-error-start
refcheck: 1 file, 1 function analysed, 0 skipped, 0 findings
 * check-error-end
 */

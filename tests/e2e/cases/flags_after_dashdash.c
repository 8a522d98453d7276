#ifndef FLAG
#error "FLAG was not passed"
#endif
int f(void) { return FLAG; }

/*
 * check-name: flags after -- reach the compiler; unknown GCC-only flags are not errors
 * check-summary-contains: refcheck: 1 file, 1 function analysed
 * check-command: refcheck check $file -- -DFLAG=3 -fconserve-stack -Wno-stringop-truncation
 * check-error-start
 * check-error-end
 */

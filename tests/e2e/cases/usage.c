/*
 * check-name: usage errors give exit status 2 and say what is wrong
 * check-command: refcheck check --frobnicate x.c; echo "rc=$?"; refcheck check -j zero x.c; echo "rc=$?"; refcheck check; echo "rc=$?"; refcheck; echo "rc=$?"; refcheck frob; echo "rc=$?"; refcheck dump-ir; echo "rc=$?"
 * check-exit-value: 0
 *
 * check-output-start
rc=2
rc=2
rc=2
rc=2
rc=2
rc=2
 * check-output-end
 *
 * check-error-contains: refcheck check: unknown option '--frobnicate'
 * check-error-contains: refcheck check: -j: expected a number of at least 1, got 'zero'
 * check-error-contains: refcheck check: nothing to analyse: give PATHs or -p BUILD_DIR
 * check-error-contains: refcheck: unknown command 'frob'
 * check-error-contains: refcheck dump-ir: expected exactly one FILE
 * check-error-contains: usage: refcheck <command> [options]
 */

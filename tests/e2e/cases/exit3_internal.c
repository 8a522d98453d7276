int f(void) { return 0; }

/*
 * check-name: an internal error gives exit status 3 (forced by the test hook)
 * check-env: REFCHECK_DEBUG_INTERNAL_ERROR=1
 * check-exit-value: 3
 * check-error-contains: refcheck: internal error: exit3_internal.c: forced internal error
 */

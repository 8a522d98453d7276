int present(void) { return 1; }

/*
 * check-name: a missing file is an input error; the other files are still analysed
 * check-summary-contains: refcheck: 1 file, 1 function analysed
 * check-command: refcheck check does-not-exist.c $file
 * check-exit-value: 2
 *
 * check-error-start
refcheck: error: does-not-exist.c: No such file or directory
 * check-error-end
 */

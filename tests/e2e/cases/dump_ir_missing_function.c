int present(void) { return 0; }

/*
 * check-name: dump-ir of a function the file does not define is an input error
 * check-command: refcheck dump-ir --function absent $file
 * check-exit-value: 2
 * check-error-contains: refcheck: error: dump_ir_missing_function.c: no function 'absent' is defined in this file
 */

int broken(int a)
{
	return a +;
}

int fine(int a)
{
	return a - 1;
}

/*
 * check-name: compiler errors are printed compiler-style, make the exit status 2, and the file is still analysed
 * check-summary-contains: refcheck: 1 file, 2 functions analysed
 * check-exit-value: 2
 *
 * check-error-start
exit2_syntax_error.c:3:12: error: expected expression
 * check-error-end
 */

int pred(int);

int big(int a)
{
	pred(1); pred(2); pred(3); pred(4); pred(5); pred(6);
	return a;
}

int small(int a) { return pred(a); }

/*
 * check-name: a function over the statement limit is skipped with a note
 * check-summary-contains: refcheck: 1 file, 1 function analysed, 1 skipped
 * check-command: refcheck check --max-stmts 5 $file
 * check-exit-value: 0
 *
 * check-output-start
too_large.c:3:5: note: function 'big' skipped: too large (6 statements, limit 5)
 * check-output-end
 */

/* A file refcheck has nothing to say about. */
#include <rc/rc.h>

int add(int a, int b)
{
	return a + b;
}

/*
 * check-name: exit status 0 and the summary for a clean file
 * check-command: refcheck check $file
 * check-exit-value: 0
 *
 * check-output-start
 * check-output-end
 *
 * check-error-start
refcheck: 1 file, 1 function analysed, 0 skipped, 0 findings
 * check-error-end
 */

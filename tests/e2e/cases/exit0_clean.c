/* A file refcheck has nothing to say about. */
#include <rc/rc.h>

int add(int a, int b)
{
	return a + b;
}

/*
 * check-name: exit status 0 and the summary for a clean file
 * check-summary-contains: refcheck: 1 file, 1 function analysed
 * check-command: refcheck check $file
 * check-exit-value: 0
 *
 * check-output-start
 * check-output-end
 *
 * check-error-start
 * check-error-end
 */

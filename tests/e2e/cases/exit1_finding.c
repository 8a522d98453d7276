/*
 * A finding gives exit status 1. The first analysis stage knows only the
 * debug intrinsic refcheck_debug_finding(); the leak below is what the
 * engine reports, so the case keeps exit status 1 across both.
 */
#include <rc/rc.h>

void refcheck_debug_finding(void);

int leak(void)
{
	rc_object *o = rc_list_new(0);
	if (!o)
		return -1;
	refcheck_debug_finding();
	return 0;
}

/*
 * check-name: exit status 1 when there are findings
 * check-exit-value: 1
 * check-summary-contains: refcheck: 1 file, 1 function analysed
 */

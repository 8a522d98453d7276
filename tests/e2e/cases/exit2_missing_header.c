#include "no/such/header.h"

int after_the_error(int a)
{
	return a * 2;
}

/*
 * check-name: a missing header is an error, and the rest of the file is still lowered (KeepGoing)
 * check-exit-value: 2
 * check-error-contains: exit2_missing_header.c:1:10: error: 'no/such/header.h' file not found
 * check-summary-contains: refcheck: 1 file, 1 function analysed
 */

/*
 * err.h — error codes and messages for the analyzer (STYLE §8).
 *
 * Fallible functions return 0 or a negative code below, and write a
 * one-line message into a caller-owned `struct err` (one per worker or per
 * command, never a global). The first error set wins: a lower error is never
 * masked by a later, vaguer one. Exit codes are chosen only in main.c.
 */
#ifndef REFCHECK_ERR_H
#define REFCHECK_ERR_H

enum {
	ERR_GENERIC = -1,
	ERR_NOTFOUND = -2,  /* a file, function or entry that does not exist */
	ERR_INVALID = -3,   /* bad input: malformed file, bad argument */
	ERR_CORRUPT = -4,   /* a damaged or foreign database */
	ERR_INTERNAL = -5,  /* a bug in refcheck (exit code 3) */
	ERR_BUSY = -6       /* a database another process holds locked */
};

struct err {
	int code;
	char msg[512];
};

#if defined(__GNUC__)
#define ERR_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define ERR_PRINTF(a, b)
#endif

/* Record an error unless one is already recorded; returns code. */
int err_set(struct err *e, int code, const char *fmt, ...) ERR_PRINTF(3, 4);
void err_clear(struct err *e);

#endif

/*
 * driver.h — the subcommands behind main.c: `check` (list the TUs, parse
 * and lower them on -j worker threads, hand each to the analysis stage,
 * print the results in input order) and `dump-ir`.
 *
 * The driver never chooses an exit code: it fills a driver_status and
 * main.c maps it (DESIGN §5, STYLE §8).
 */
#ifndef REFCHECK_DRIVER_H
#define REFCHECK_DRIVER_H

#include "analysis.h"
#include "../frontend/fe.h"

#include <stdbool.h>
#include <stddef.h>

struct check_options {
	const char *build_dir;      /* -p DIR, or NULL */
	char **paths;               /* PATH… (not owned) */
	size_t npaths;
	char **flags;               /* words after `--` (not owned) */
	size_t nflags;
	unsigned jobs;              /* 0: the number of online processors */
	bool progress;              /* allowed to show progress (stderr is a terminal) */
	struct fe_options fe;
	struct analysis_options analysis;   /* .fe is set by driver_check */
};

struct driver_status {
	unsigned findings;
	bool input_error;           /* a missing or unreadable input, a bad database,
	                               a file that could not be parsed or had errors */
	bool internal_error;
};

/* Run `refcheck check`. Messages go to stderr, results to stdout. */
void driver_check(struct check_options *o, struct driver_status *st);

/* Run `refcheck dump-ir`: the IR of file (of one function when function is
 * not NULL) on stdout; ir_dump flags in dump_flags. */
void driver_dump_ir(const char *file, const char *function, char **flags, size_t nflags,
                    const struct fe_options *fe, unsigned dump_flags, struct driver_status *st);

#endif

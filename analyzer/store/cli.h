/*
 * cli.h — the database commands behind main.c (issue 5, item 6):
 *
 *   refcheck report   [--run N|latest] [--format F] [-o FILE] [--new|--fixed|--all]
 *   refcheck diff     RUN_A RUN_B
 *   refcheck baseline create [--run N] | show | clear
 *
 * Like the driver, these never choose an exit code: they fill a status
 * that main.c maps (0 ok, 1 findings where the command fails on them,
 * 2 input error, 3 internal error).
 */
#ifndef REFCHECK_STORE_CLI_H
#define REFCHECK_STORE_CLI_H

#include <stdbool.h>

#include "store/store.h"

struct store_cli_status {
	unsigned findings;          /* that make the command fail (diff: added ones) */
	bool input_error;
	bool internal_error;
};

struct store_cli_options {
	const char *db;             /* NULL: STORE_DEFAULT_PATH */
	const char *run;            /* "latest" (NULL) or a run number */
	int format;                 /* enum report_format */
	const char *output;         /* NULL: standard output */
	enum store_state which;     /* report: STORE_NEW, STORE_FIXED, STORE_UNCHANGED (all) */
	bool color;
};

void store_cli_report(const struct store_cli_options *o, struct store_cli_status *st);
/* Findings of run b not in run a ("added"), and of a not in b ("removed").
 * Text shows both; JSON and SARIF carry the added ones (the removed count
 * is in JSON's summary). */
void store_cli_diff(const struct store_cli_options *o, const char *a, const char *b,
                    struct store_cli_status *st);
/* action: "create" (from o->run, default latest), "show", "clear". */
void store_cli_baseline(const struct store_cli_options *o, const char *action,
                        struct store_cli_status *st);

#endif

/*
 * main.c — the refcheck command line. Parses the subcommand and its
 * options (getopt_long), runs it (driver/), and maps its result to an exit
 * code (DESIGN §5); this is the only place exit codes are chosen:
 *   0  no findings
 *   1  findings
 *   2  usage or input error: a bad option, a missing or unreadable file, a
 *      folder without C files, a missing, malformed or inconsistent
 *      compile_commands.json, a file that cannot be parsed, or a file with
 *      compiler errors (every other file is still analysed, and the
 *      findings still printed)
 *   3  internal error (a bug in refcheck; wins over everything else)
 * Input errors win over findings: a run that could not see all the code
 * must not look like a complete one to a CI job.
 *
 * Hooks (not in --help): REFCHECK_DEBUG_INTERNAL_ERROR=1 in the
 * environment makes every translation unit fail with an internal error,
 * so exit status 3 can be tested end to end; REFCHECK_DEBUG_PARSE_ONLY=1
 * parses without lowering anything (bench/parse's baseline).
 *
 * Options: `--` ends refcheck's own options; everything after it is
 * compiler flags. It is split off before getopt_long runs, because GNU
 * getopt moves the PATHs it skipped behind `--` and the boundary would be
 * lost.
 */
#include "driver/driver.h"
#include "ir/ir_dump.h"
#include "report/render.h"
#include "store/cli.h"
#include "store/store.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_FINDINGS = 1, EXIT_INPUT = 2, EXIT_INTERNAL = 3 };

static const char top_help[] =
	"usage: refcheck <command> [options]\n"
	"       refcheck --help | --version\n"
	"\n"
	"refcheck finds reference-counting bugs in C.\n"
	"\n"
	"commands:\n"
	"  check     analyse C files or a compile database\n"
	"  report    print the findings of a run from the database\n"
	"  diff      the findings two runs do not share\n"
	"  baseline  accept the current findings (create), list or clear them\n"
	"  dump-ir   print the intermediate representation of a file\n"
	"\n"
	"'refcheck <command> --help' describes a command.\n";

static const char check_help[] =
	"usage: refcheck check [-p BUILD_DIR] [-j N] [PATH...] [-- COMPILER_FLAGS...]\n"
	"\n"
	"Analyse the C files named by PATH (files, or folders searched recursively\n"
	"for *.c), compiled with COMPILER_FLAGS; or, with -p, the files of\n"
	"BUILD_DIR/compile_commands.json with their own flags (only those named by\n"
	"PATH when PATHs are given). The runtime's headers are always on the\n"
	"include path.\n"
	"\n"
	"options:\n"
	"  -p, --build-dir DIR   read DIR/compile_commands.json\n"
	"  -j, --jobs N          parse and analyse N files at a time\n"
	"                        (default: the number of processors)\n"
	"      --pack NAME       also use the API pack rules/NAME.json (or a path to\n"
	"                        a pack file); repeatable. The runtime pack is\n"
	"                        always on; the cpython pack is also used for\n"
	"                        every file that includes Python.h.\n"
	"      --format FORMAT   text (default: compiler-style diagnostics), json or\n"
	"                        sarif (SARIF 2.1.0, for code scanning)\n"
	"  -o, --output FILE     write the findings to FILE\n"
	"      --db FILE         findings database (default " STORE_DEFAULT_PATH ")\n"
	"      --no-db           no database: analyse everything, remember nothing\n"
	"      --reanalyse       analyse unchanged files too (and store the results)\n"
	"      --baseline        findings in the baseline (refcheck baseline create)\n"
	"                        are marked and do not fail the run\n"
	"      --color WHEN      colour text output: auto (on a terminal), always, never\n"
	"      --enable CHECK    run only the checks enabled this way (repeatable)\n"
	"      --disable CHECK   do not run CHECK (repeatable)\n"
	"      --list-checks     list the checks and the rules they report, and exit\n"
	"      --max-stmts N     skip functions of more than N IR statements\n"
	"                        (default %u; 0: no limit)\n"
	"      --max-depth N     skip functions nested more than N levels deep\n"
	"                        (default %u)\n"
	"  -h, --help            show this help\n"
	"\n"
	"With a database, files whose content, flags, headers, packs and refcheck\n"
	"build are unchanged since the last run are not parsed again: their stored\n"
	"findings are reused; function summaries cross files through it. Progress\n"
	"shows on a terminal.\n"
	"\n"
	"Findings and notes go to standard output; compiler errors, refcheck's own\n"
	"errors and the closing summary to standard error.\n"
	"\n"
	"exit status: 0 no findings; 1 findings; 2 usage or input error (a missing\n"
	"file, a folder without C files, a bad compile database, a file that cannot\n"
	"be parsed or has compiler errors; the other files are still analysed);\n"
	"3 internal error.\n";

static const char dump_help[] =
	"usage: refcheck dump-ir [--function NAME] [--no-locations] [--stats] FILE [-- COMPILER_FLAGS...]\n"
	"\n"
	"Print the intermediate representation refcheck analyses: the records,\n"
	"globals and interesting declarations of FILE, and the control-flow graph\n"
	"of every function it defines (of NAME only, with --function).\n"
	"\n"
	"options:\n"
	"      --function NAME   only the function NAME\n"
	"      --no-locations    leave out the @line:col of each statement\n"
	"      --stats           print only counts (functions lowered and skipped,\n"
	"                        blocks, statements, …): parse and lower, no dump\n"
	"      --max-depth N     as for check\n"
	"  -h, --help            show this help\n"
	"\n"
	"exit status: 0 printed; 2 usage or input error (including compiler errors\n"
	"in FILE, and NAME not defined in it); 3 internal error.\n";

static const char report_help[] =
	"usage: refcheck report [--db FILE] [--run N|latest] [--format text|json|sarif]\n"
	"                       [-o FILE] [--new | --fixed | --all]\n"
	"\n"
	"Print the findings of a run of `refcheck check` from the database: all of\n"
	"them (default), only those new in that run, or those it found fixed.\n"
	"Findings suppressed inline or in the baseline are marked (JSON, SARIF) or\n"
	"counted (text).\n"
	"\n"
	"exit status: 0 printed; 2 no such database or run, or a bad database;\n"
	"3 internal error.\n";

static const char diff_help[] =
	"usage: refcheck diff [--db FILE] [--format text|json|sarif] [-o FILE] RUN_A RUN_B\n"
	"\n"
	"The findings of RUN_B that RUN_A did not have (added), and those of RUN_A\n"
	"that RUN_B no longer has (removed). A run is a number or 'latest'. JSON and\n"
	"SARIF carry the added findings.\n"
	"\n"
	"exit status: 0 nothing added; 1 findings added; 2 bad input; 3 internal error.\n";

static const char baseline_help[] =
	"usage: refcheck baseline create [--db FILE] [--run N|latest]\n"
	"       refcheck baseline show [--db FILE]\n"
	"       refcheck baseline clear [--db FILE]\n"
	"\n"
	"The baseline holds accepted findings: `refcheck check --baseline` marks them\n"
	"and fails only on the others. `create` replaces it by the findings of a run\n"
	"(the latest by default). Entries match by file and fingerprint, which does\n"
	"not change when unrelated lines move.\n"
	"\n"
	"exit status: 0 done; 2 bad input or database; 3 internal error.\n";

enum {
	OPT_MAX_STMTS = 256,
	OPT_MAX_DEPTH,
	OPT_FUNCTION,
	OPT_NO_LOCATIONS,
	OPT_STATS,
	OPT_PACK,
	OPT_FORMAT,
	OPT_COLOR,
	OPT_ENABLE,
	OPT_DISABLE,
	OPT_LIST_CHECKS,
	OPT_DB,
	OPT_NO_DB,
	OPT_REANALYSE,
	OPT_BASELINE,
	OPT_RUN,
	OPT_NEW,
	OPT_FIXED,
	OPT_ALL,
};

/* The options of `check`. The later stages add theirs here, with a line
 * in check_help and a field in struct analysis_options:
 *   --pack NAME (repeatable), --format text|json|sarif, -o FILE, --db FILE,
 *   --enable CHECK, --disable CHECK, --list-checks, --baseline FILE. */
static const struct option check_options_table[] = {
	{ "build-dir", required_argument, NULL, 'p' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "max-stmts", required_argument, NULL, OPT_MAX_STMTS },
	{ "max-depth", required_argument, NULL, OPT_MAX_DEPTH },
	{ "pack", required_argument, NULL, OPT_PACK },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "list-checks", no_argument, NULL, OPT_LIST_CHECKS },
	{ "output", required_argument, NULL, 'o' },
	{ "db", required_argument, NULL, OPT_DB },
	{ "no-db", no_argument, NULL, OPT_NO_DB },
	{ "reanalyse", no_argument, NULL, OPT_REANALYSE },
	{ "baseline", no_argument, NULL, OPT_BASELINE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static const struct option dump_options_table[] = {
	{ "function", required_argument, NULL, OPT_FUNCTION },
	{ "no-locations", no_argument, NULL, OPT_NO_LOCATIONS },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "max-depth", required_argument, NULL, OPT_MAX_DEPTH },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static const struct option store_options_table[] = {
	{ "db", required_argument, NULL, OPT_DB },
	{ "run", required_argument, NULL, OPT_RUN },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "new", no_argument, NULL, OPT_NEW },
	{ "fixed", no_argument, NULL, OPT_FIXED },
	{ "all", no_argument, NULL, OPT_ALL },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "refcheck%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'refcheck%s%s --help'.\n", cmd ? " " : "", cmd ? cmd : "");
	return EXIT_INPUT;
}

/* A number for an option; false (after a message) when it is not one. */
static bool parse_uint(const char *cmd, const char *opt, const char *s, unsigned min, unsigned *out)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-' || v > UINT_MAX || v < min) {
		fprintf(stderr, "refcheck %s: %s: expected a number%s, got '%s'\n", cmd, opt,
		        min ? " of at least 1" : "", s);
		fprintf(stderr, "Try 'refcheck %s --help'.\n", cmd);
		return false;
	}
	*out = (unsigned)v;
	return true;
}

/* Split argv at the first `--`: refcheck's words before, compiler flags after. */
static int split_dashdash(int argc, char **argv, char ***flags, size_t *nflags)
{
	*flags = NULL;
	*nflags = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			*flags = argv + i + 1;
			*nflags = (size_t)(argc - i - 1);
			return i;
		}
	}
	return argc;
}

static int exit_code(const struct driver_status *st)
{
	if (st->internal_error)
		return EXIT_INTERNAL;
	if (st->input_error)
		return EXIT_INPUT;
	return st->findings ? EXIT_FINDINGS : 0;
}

static bool env_flag(const char *name)
{
	const char *v = getenv(name);
	return v && *v && strcmp(v, "0") != 0;
}

static void apply_debug_env(struct fe_options *fe)
{
	fe->debug_internal_error = env_flag("REFCHECK_DEBUG_INTERNAL_ERROR");
	fe->debug_parse_only = env_flag("REFCHECK_DEBUG_PARSE_ONLY");
}

/* Append a word to one of the repeatable options' lists (argv strings). */
static void push_word(char ***list, size_t *n, char *word)
{
	*list = xrealloc(*list, sizeof(char *) * (*n + 1));
	(*list)[(*n)++] = word;
}

static void check_options_dispose(struct check_options *o)
{
	fe_options_dispose(&o->fe);
	free(o->analysis.packs);
	free(o->analysis.enable);
	free(o->analysis.disable);
}

static int cmd_check(int argc, char **argv)
{
	struct check_options o;
	memset(&o, 0, sizeof(o));
	int color = -1;     /* auto */
	fe_options_init(&o.fe);
	apply_debug_env(&o.fe);
	int n = split_dashdash(argc, argv, &o.flags, &o.nflags);
	int c, rc = 0;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(n, argv, ":p:j:o:h", check_options_table, NULL)) != -1) {
		switch (c) {
		case 'p':
			o.build_dir = optarg;
			break;
		case 'j':
			if (!parse_uint("check", "-j", optarg, 1, &o.jobs))
				rc = EXIT_INPUT;
			break;
		case OPT_MAX_STMTS:
			if (!parse_uint("check", "--max-stmts", optarg, 0, &o.fe.max_stmts))
				rc = EXIT_INPUT;
			break;
		case OPT_MAX_DEPTH:
			if (!parse_uint("check", "--max-depth", optarg, 1, &o.fe.max_depth))
				rc = EXIT_INPUT;
			break;
		case OPT_PACK:
			push_word(&o.analysis.packs, &o.analysis.npacks, optarg);
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") == 0)
				o.analysis.format = ANALYSIS_FORMAT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				o.analysis.format = ANALYSIS_FORMAT_JSON;
			else if (strcmp(optarg, "sarif") == 0)
				o.analysis.format = ANALYSIS_FORMAT_SARIF;
			else
				rc = usage_error("check", "--format: expected text, json or sarif, got '%s'", optarg);
			break;
		case 'o':
			o.analysis.output = optarg;
			break;
		case OPT_DB:
			o.analysis.db = optarg;
			break;
		case OPT_NO_DB:
			o.analysis.no_db = true;
			break;
		case OPT_REANALYSE:
			o.analysis.reanalyse = true;
			break;
		case OPT_BASELINE:
			o.analysis.baseline = true;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				color = -1;
			else if (strcmp(optarg, "always") == 0)
				color = 1;
			else if (strcmp(optarg, "never") == 0)
				color = 0;
			else
				rc = usage_error("check", "--color: expected auto, always or never, got '%s'", optarg);
			break;
		case OPT_ENABLE:
			push_word(&o.analysis.enable, &o.analysis.nenable, optarg);
			break;
		case OPT_DISABLE:
			push_word(&o.analysis.disable, &o.analysis.ndisable, optarg);
			break;
		case OPT_LIST_CHECKS:
			analysis_list_checks(stdout);
			check_options_dispose(&o);
			return 0;
		case 'h':
			printf(check_help, FE_DEFAULT_MAX_STMTS, FE_DEFAULT_MAX_DEPTH);
			check_options_dispose(&o);
			return 0;
		case ':':
			rc = usage_error("check", "option '%s' needs an argument", argv[optind - 1]);
			break;
		default:
			rc = usage_error("check", "unknown option '%s'", argv[optind - 1]);
			break;
		}
		if (rc)
			break;
	}
	if (!rc && optind >= n && !o.build_dir)
		rc = usage_error("check", "%s", "nothing to analyse: give PATHs or -p BUILD_DIR");
	if (!rc && o.analysis.baseline && o.analysis.no_db)
		rc = usage_error("check", "%s", "--baseline needs the database (drop --no-db)");
	if (rc) {
		check_options_dispose(&o);
		return rc;
	}
	struct strbuf args = STRBUF_INIT;
	for (int i = 0; i < argc; i++)
		sb_printf(&args, "%s%s", i ? " " : "refcheck ", argv[i]);
	o.analysis.args = sb_str(&args);
	o.analysis.color = color < 0 ? isatty(STDOUT_FILENO) : color;
	if (o.build_dir && o.nflags)
		fprintf(stderr, "refcheck: warning: compiler flags after '--' are ignored with -p\n");
	o.paths = argv + optind;
	o.npaths = (size_t)(n - optind);
	o.progress = isatty(STDERR_FILENO);
	struct driver_status st;
	driver_check(&o, &st);
	check_options_dispose(&o);
	sb_dispose(&args);
	return exit_code(&st);
}

/* The options `report`, `diff` and `baseline` share; only `report` takes
 * --new/--fixed/--all, only `report` and `baseline create` take --run. */
static int parse_store_options(const char *cmd, int argc, char **argv,
                               struct store_cli_options *o, const char *help)
{
	enum report_format format = REPORT_TEXT;
	bool is_report = strcmp(cmd, "report") == 0;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:h", store_options_table, NULL)) != -1) {
		switch (c) {
		case OPT_DB:
			o->db = optarg;
			break;
		case OPT_RUN:
			if (strcmp(cmd, "diff") == 0)
				return usage_error(cmd, "%s", "give the two runs as RUN_A RUN_B");
			o->run = optarg;
			break;
		case OPT_FORMAT:
			if (!report_format_parse(optarg, &format))
				return usage_error(cmd, "--format: expected text, json or sarif, got '%s'", optarg);
			o->format = (int)format;
			break;
		case 'o':
			o->output = optarg;
			break;
		case OPT_NEW:
		case OPT_FIXED:
		case OPT_ALL:
			if (!is_report)
				return usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
			o->which = c == OPT_NEW ? STORE_NEW : c == OPT_FIXED ? STORE_FIXED : STORE_UNCHANGED;
			break;
		case 'h':
			fputs(help, stdout);
			return -1;
		case ':':
			return usage_error(cmd, "option '%s' needs an argument", argv[optind - 1]);
		default:
			return usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	return 0;
}

static int cmd_store(const char *cmd, int argc, char **argv)
{
	struct store_cli_options o = { .which = STORE_UNCHANGED, .color = isatty(STDOUT_FILENO) };
	struct store_cli_status st = { 0 };
	const char *help = strcmp(cmd, "report") == 0 ? report_help
	                 : strcmp(cmd, "diff") == 0 ? diff_help : baseline_help;
	int rc = parse_store_options(cmd, argc, argv, &o, help);
	if (rc)
		return rc < 0 ? 0 : rc;
	int rest = argc - optind;
	char **args = argv + optind;
	if (strcmp(cmd, "report") == 0) {
		if (rest)
			return usage_error(cmd, "unexpected argument '%s'", args[0]);
		store_cli_report(&o, &st);
	} else if (strcmp(cmd, "diff") == 0) {
		if (rest != 2)
			return usage_error(cmd, "%s", "expected two runs: RUN_A RUN_B");
		store_cli_diff(&o, args[0], args[1], &st);
	} else {
		if (rest != 1 || (strcmp(args[0], "create") && strcmp(args[0], "show") &&
		                  strcmp(args[0], "clear")))
			return usage_error(cmd, "%s", "expected create, show or clear");
		if (o.run && strcmp(args[0], "create") != 0)
			return usage_error(cmd, "%s", "--run goes with create");
		store_cli_baseline(&o, args[0], &st);
	}
	struct driver_status ds = { st.findings, st.input_error, st.internal_error };
	return exit_code(&ds);
}

static int cmd_dump_ir(int argc, char **argv)
{
	struct fe_options fe;
	fe_options_init(&fe);
	apply_debug_env(&fe);
	char **flags;
	size_t nflags;
	int n = split_dashdash(argc, argv, &flags, &nflags);
	const char *function = NULL;
	unsigned dump_flags = IR_DUMP_LOCS;
	int c, rc = 0;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(n, argv, ":h", dump_options_table, NULL)) != -1) {
		switch (c) {
		case OPT_FUNCTION:
			function = optarg;
			break;
		case OPT_NO_LOCATIONS:
			dump_flags &= ~(unsigned)IR_DUMP_LOCS;
			break;
		case OPT_STATS:
			dump_flags |= IR_DUMP_STATS;
			break;
		case OPT_MAX_DEPTH:
			if (!parse_uint("dump-ir", "--max-depth", optarg, 1, &fe.max_depth))
				rc = EXIT_INPUT;
			break;
		case 'h':
			fputs(dump_help, stdout);
			fe_options_dispose(&fe);
			return 0;
		case ':':
			rc = usage_error("dump-ir", "option '%s' needs an argument", argv[optind - 1]);
			break;
		default:
			rc = usage_error("dump-ir", "unknown option '%s'", argv[optind - 1]);
			break;
		}
		if (rc)
			break;
	}
	if (!rc && n - optind != 1)
		rc = usage_error("dump-ir", "%s", "expected exactly one FILE");
	if (rc) {
		fe_options_dispose(&fe);
		return rc;
	}
	struct driver_status st;
	driver_dump_ir(argv[optind], function, flags, nflags, &fe, dump_flags, &st);
	fe_options_dispose(&fe);
	return exit_code(&st);
}

int main(int argc, char **argv)
{
	/* The engine copies states of tens of kilobytes at every branch of a
	 * large function: keep such blocks on the heap rather than letting
	 * glibc map and unmap each one (half the run was page faults). */
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 128 << 20);
	/* Parse on our worker threads' large stacks, not on libclang's 8 MB
	 * helper thread (driver.c). Set before any thread exists; a value
	 * from the environment wins. */
	setenv("LIBCLANG_NOTHREADS", "1", 0);
	if (argc < 2) {
		fputs(top_help, stderr);
		return EXIT_INPUT;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
		printf("refcheck %s\n", REFCHECK_VERSION);
		return 0;
	}
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		fputs(top_help, stdout);
		return 0;
	}
	if (strcmp(cmd, "check") == 0)
		return cmd_check(argc - 1, argv + 1);
	if (strcmp(cmd, "dump-ir") == 0)
		return cmd_dump_ir(argc - 1, argv + 1);
	if (strcmp(cmd, "report") == 0 || strcmp(cmd, "diff") == 0 || strcmp(cmd, "baseline") == 0)
		return cmd_store(cmd, argc - 1, argv + 1);
	return usage_error(NULL, "unknown command '%s'", cmd);
}

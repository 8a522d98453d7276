/*
 * main.c — the refcheck command line. Parses the subcommand and its
 * options, runs it, and maps its result to an exit code (DESIGN §5):
 * 0 no findings at or above the failing level, 1 findings, 2 usage or input
 * error, 3 internal error. This is the only place exit codes are chosen.
 */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("refcheck %s\n", REFCHECK_VERSION);
		return 0;
	}
	fprintf(stderr, "usage: refcheck check [PATH...]\n");
	return 2;
}

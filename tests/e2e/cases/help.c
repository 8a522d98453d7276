/*
 * check-name: --help and --version print to stdout and exit 0
 * check-command: refcheck --help && refcheck check --help && refcheck dump-ir --help && refcheck --version
 * check-output-contains: usage: refcheck <command> [options]
 * check-output-contains: usage: refcheck check [-p BUILD_DIR] [-j N] [PATH...] [-- COMPILER_FLAGS...]
 * check-output-contains: usage: refcheck dump-ir [--function NAME] [--no-locations] [--stats] FILE [-- COMPILER_FLAGS...]
 * check-output-contains: exit status: 0 no findings; 1 findings; 2 usage or input error
 * check-output-contains: refcheck 0.1.0
 */

/*
 * check-name: a folder without C files is an input error
 * check-command: d=$(mktemp -d) && touch "$d/notes.txt" && refcheck check "$d"; rc=$?; rm -rf "$d"; exit $rc
 * check-exit-value: 2
 * check-error-contains: : no C files found in this folder
 * check-summary-contains: refcheck: 0 files, 0 functions analysed
 */

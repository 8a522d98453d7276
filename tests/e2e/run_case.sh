#!/bin/sh
# run_case.sh REFCHECK CASE.c — run one end-to-end case of refcheck's CLI.
#
# A case is a C file whose comments carry Sparse-style tags:
#   check-name: NAME                 what the case pins (required)
#   check-command: COMMAND           shell command, run in a fresh folder
#                                    holding a copy of the case (so refcheck's
#                                    database and any file the command makes
#                                    stay out of the source tree); `refcheck`
#                                    is the binary under test, $file the
#                                    case's file name, $CASES the folder of
#                                    the cases (default: refcheck check $file)
#   check-exit-value: N              expected exit status (default 0)
#   check-env: VAR=VALUE             set for the command (repeatable)
#   check-output-contains: TEXT      stdout contains TEXT (repeatable)
#   check-error-contains: TEXT       stderr contains TEXT (repeatable)
#   check-output-start / check-output-end
#                                    the exact stdout, the lines in between
#   check-error-start / check-error-end
#                                    the exact stderr, likewise, without the
#                                    closing summary line
#   check-summary-contains: TEXT     the summary lines (`refcheck: N files, …`
#                                    and `refcheck: run N in DB: …`, the later
#                                    stages', whose wording may grow) contain
#                                    TEXT (repeatable)
# An unknown check- tag fails the case, so a typo cannot disable a check.
# Prints `PASS name` or what differed, and exits non-zero on failure.
set -u
REFCHECK_BIN=$1
case_path=$2
CASES=$(cd "$(dirname "$case_path")" && pwd) || exit 2
file=$(basename "$case_path")
export REFCHECK_BIN file CASES
cd "$CASES" || exit 2

known='check-name check-command check-exit-value check-env check-output-contains
check-error-contains check-output-start check-output-end check-error-start check-error-end
check-summary-contains'
for tag in $(grep -o 'check-[a-z-]*' "$file" | sort -u); do
	case " $(echo $known) " in
	*" $tag "*) ;;
	*) echo "FAIL $file: unknown tag $tag"; exit 1 ;;
	esac
done

tag_value() { sed -n "s/^[ *]*$1: *//p" "$file"; }
block() { awk -v s="$1-start" -v e="$1-end" '$0 ~ e {p=0} p {print} $0 ~ s {p=1}' "$file"; }

name=$(tag_value check-name | head -n 1)
[ -n "$name" ] || { echo "FAIL $file: no check-name"; exit 1; }
cmd=$(tag_value check-command | head -n 1)
[ -n "$cmd" ] || cmd='refcheck check $file'
want_rc=$(tag_value check-exit-value | head -n 1)
[ -n "$want_rc" ] || want_rc=0

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/work" && cp "$file" "$tmp/work/$file" || exit 2
refcheck() { "$REFCHECK_BIN" "$@"; }
(
	cd "$tmp/work" || exit 2
	tag_value check-env > "$tmp/env"
	while IFS= read -r assignment; do
		[ -n "$assignment" ] && export "$assignment"
	done < "$tmp/env"
	eval "$cmd"
) > "$tmp/out" 2> "$tmp/err"
rc=$?
summary_re='^refcheck: ([0-9]+ files?, |run [0-9]+ in )'
grep -E "$summary_re" "$tmp/err" > "$tmp/summary"
grep -vE "$summary_re" "$tmp/err" > "$tmp/err-nosummary"

failed=0
if [ "$rc" != "$want_rc" ]; then
	echo "FAIL $file ($name): exit status $rc, expected $want_rc"
	failed=1
fi
check_block() { # tag stream-file
	if grep -q "$1-start" "$file"; then
		block "$1" > "$tmp/want"
		if ! diff -u "$tmp/want" "$2" > "$tmp/diff"; then
			echo "FAIL $file ($name): $1 differs (- expected, + got):"
			cat "$tmp/diff"
			failed=1
		fi
	fi
}
check_block check-output "$tmp/out"
check_block check-error "$tmp/err-nosummary"
check_contains() { # tag stream-file
	tag_value "$1" > "$tmp/needles"
	while IFS= read -r needle; do
		if ! grep -qF -- "$needle" "$2"; then
			echo "FAIL $file ($name): $1 '$needle' not found"
			failed=1
		fi
	done < "$tmp/needles"
}
check_contains check-output-contains "$tmp/out"
check_contains check-error-contains "$tmp/err"
check_contains check-summary-contains "$tmp/summary"
if [ "$failed" != 0 ]; then
	echo "--- stdout:"; cat "$tmp/out"; echo "--- stderr:"; cat "$tmp/err"
	exit 1
fi
echo "PASS $file ($name)"

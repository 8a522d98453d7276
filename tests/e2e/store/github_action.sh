#!/bin/sh
# github_action.sh — the GitHub composite action's shell steps
# (integrations/github/install.sh and run.sh), run here as GitHub would run
# them, with GITHUB_PATH, GITHUB_OUTPUT and GITHUB_WORKSPACE pointing at
# local files: the install puts refcheck on the PATH, the analysis writes a
# SARIF file (validated with the others by sarif_schema) and the step
# outputs, findings do not fail the step but bad input does. The upload
# itself (github/codeql-action/upload-sarif) needs GitHub.
. "$(dirname "$0")/lib.sh"
gh=$SRC/integrations/github
out_dir=${SARIF_OUT:-$WORK}
make_project ws
export RUNNER_TEMP=$WORK/runner GITHUB_PATH=$WORK/github_path GITHUB_OUTPUT=$WORK/github_output
export GITHUB_WORKSPACE=$WORK/ws
mkdir -p "$RUNNER_TEMP"
: >"$GITHUB_PATH"

check "action.yml is a composite action" has "^  using: composite" "$gh/action.yml"
for step in install.sh run.sh; do
  check "action.yml runs $step, which exists" sh -c "grep -q '$step' '$gh/action.yml' && [ -x '$gh/$step' ]"
done
check "it uploads with the code-scanning action" has "uses: github/codeql-action/upload-sarif@" "$gh/action.yml"

REFCHECK_PREBUILT=$REFCHECK run sh "$gh/install.sh"
check "install.sh succeeds (status $status)" [ "$status" -eq 0 ]
check "it adds refcheck's folder to GITHUB_PATH" [ -x "$(head -n 1 "$GITHUB_PATH")/refcheck" ]
PATH=$(head -n 1 "$GITHUB_PATH"):$PATH
export PATH
check "refcheck is on the PATH now" sh -c "refcheck --version | grep -q '^refcheck '"
REFCHECK_PREBUILT=$WORK/none run sh "$gh/install.sh"
check "a bad prebuilt binary fails the install" [ "$status" -ne 0 ]

sarif=$out_dir/sarif_github_action.sarif.json
INPUT_BUILD_DIR=. INPUT_SARIF_FILE=$sarif run sh "$gh/run.sh"
check "run.sh does not fail on findings (status $status)" [ "$status" -eq 0 ]
check "it writes the SARIF" has '"ruleId":"refcount-leak"' "$sarif"
check "it outputs the number of findings" has "^findings=2$" "$GITHUB_OUTPUT"
check "and the SARIF file" has "^sarif-file=$sarif$" "$GITHUB_OUTPUT"
check "the database is in the workspace (for actions/cache)" [ -f "$WORK/ws/.refcheck/refcheck.db" ]

: >"$GITHUB_OUTPUT"
INPUT_BUILD_DIR=. INPUT_SARIF_FILE=$WORK/second.sarif run sh "$gh/run.sh"
check "a second run reuses the database" has "0 files analysed, 3 unchanged" "$WORK/err"
check "and still counts the findings" has "^findings=2$" "$GITHUB_OUTPUT"

INPUT_BUILD_DIR=nobuild run sh "$gh/run.sh"
check "a missing compile database fails the step" [ "$status" -ne 0 ]
check "with an annotation saying so" has "::error::nobuild/compile_commands.json not found" "$WORK/err"
INPUT_BUILD_DIR=. INPUT_PACKS=no-such-pack INPUT_SARIF_FILE=$WORK/x.sarif run sh "$gh/run.sh"
check "a bad pack fails the step with refcheck's status 2 (got $status)" [ "$status" -eq 2 ]
finish

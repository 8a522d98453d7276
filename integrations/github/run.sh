#!/bin/sh
# run.sh — the action's analysis step: `refcheck check -p BUILD_DIR` with
# SARIF output, then the step outputs `findings` and `sarif-file`.
#
# Inputs come as INPUT_* environment variables (see action.yml). refcheck's
# exit status 1 (findings) does not fail this step, so the SARIF is still
# uploaded; the action's last step decides (fail-on-findings). Status 2 or 3
# (bad input, internal error) fails it. GitHub's SARIF limits are kept by
# refcheck itself (results and path lengths capped, said in a notification).
set -u
workspace=${GITHUB_WORKSPACE:-$(pwd)}
out_file=${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set (not running as a GitHub action step)}
build_dir=${INPUT_BUILD_DIR:-build}
sarif=${INPUT_SARIF_FILE:-refcheck.sarif}
cd "$workspace" || exit 1

if [ ! -f "$build_dir/compile_commands.json" ]; then
  echo "::error::$build_dir/compile_commands.json not found: configure the build first (e.g. cmake -B $build_dir -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)" >&2
  exit 1
fi
set -- check -p "$build_dir" --format sarif -o "$sarif" --db "$workspace/.refcheck/refcheck.db"
for pack in ${INPUT_PACKS:-}; do
  set -- "$@" --pack "$pack"
done
[ "${INPUT_BASELINE:-false}" = "true" ] && set -- "$@" --baseline
# shellcheck disable=SC2086
set -- "$@" ${INPUT_ARGS:-} ${INPUT_PATHS:-}

echo "refcheck $*"
refcheck "$@" 2>refcheck.log
status=$?
cat refcheck.log >&2
if [ "$status" -ge 2 ]; then
  echo "::error::refcheck failed (exit status $status); see the log above" >&2
  exit "$status"
fi
# "refcheck: N files, M functions analysed, K findings ..." is the summary.
findings=$(sed -n 's/^refcheck: .* \([0-9][0-9]*\) findings\{0,1\}\( .*\)\{0,1\}$/\1/p' refcheck.log | head -n 1)
rm -f refcheck.log
{
  echo "findings=${findings:-0}"
  echo "sarif-file=$sarif"
} >> "$out_file"
echo "refcheck: ${findings:-0} finding(s); SARIF in $sarif"
exit 0

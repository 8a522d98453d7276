#!/bin/sh
# install.sh — the action's first step: make `refcheck` available on PATH.
#
# Builds refcheck from the repository this action lives in (two folders up)
# with the Debian packages of scripts/bootstrap, installs it under
# $RUNNER_TEMP/refcheck and adds its bin folder to $GITHUB_PATH.
# REFCHECK_PREBUILT=/path/to/refcheck skips the build and uses that binary
# (for runners that already have one, and for the test suite).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
prefix=${RUNNER_TEMP:-/tmp}/refcheck
path_file=${GITHUB_PATH:?GITHUB_PATH is not set (not running as a GitHub action step)}

if [ -n "${REFCHECK_PREBUILT:-}" ]; then
  if [ ! -x "$REFCHECK_PREBUILT" ]; then
    echo "::error::REFCHECK_PREBUILT=$REFCHECK_PREBUILT is not an executable" >&2
    exit 1
  fi
  mkdir -p "$prefix/bin"
  ln -sf "$REFCHECK_PREBUILT" "$prefix/bin/refcheck"
else
  "$repo/scripts/bootstrap"
  cmake -S "$repo" -B "$prefix/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DRC_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX="$prefix"
  cmake --build "$prefix/build"
  cmake --install "$prefix/build"
fi
"$prefix/bin/refcheck" --version
echo "$prefix/bin" >> "$path_file"

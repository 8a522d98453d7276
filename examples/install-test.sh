#!/bin/sh
# install-test.sh BUILD_DIR WORK_DIR CC "EXTRA_FLAGS"
#
# Installs the runtime from BUILD_DIR into WORK_DIR/prefix, then builds the
# example twice against the installed copy only - with CMake
# (find_package(rc)) and with plain cc and pkg-config - and runs both: the
# program must exit 0 and print its report. With RC_LEAKCHECK=1 its known
# leak (examples/README.md) must show in the leak report and exit 66.
# EXTRA_FLAGS are compile and link flags (the sanitizer flags of the build).
set -eu
build=$1 work=$2 cc=$3 extra=${4:-}
src=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
test -f "$prefix/include/rc/rc.h"
ls "$prefix"/lib*/librc.a "$prefix"/lib*/librc.so >/dev/null
pc=$(find "$prefix" -name rc.pc | head -n 1)
test -n "$pc"
export ASAN_OPTIONS=detect_leaks=0
unset RC_LEAKCHECK || true

check_run() {
    out=$("$1" 2>&1) || { echo "$1 failed: $out" >&2; exit 1; }
    case $out in *"word frequencies"*"distinct"*) ;; *) echo "unexpected output: $out" >&2; exit 1 ;; esac
    status=0
    err=$(RC_LEAKCHECK=1 "$1" 2>&1 >/dev/null) || status=$?
    [ "$status" -eq 66 ] || { echo "$1 with RC_LEAKCHECK=1 exited $status, expected 66" >&2; exit 1; }
    case $err in "rc leak report: "*"rc leak: "*" x int at "*) ;; *) echo "unexpected report: $err" >&2; exit 1 ;; esac
}

# 1. CMake package
cmake -S "$src" -B "$work/cmake-build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" \
    >"$work/cmake.log"
cmake --build "$work/cmake-build" >>"$work/cmake.log"
check_run "$work/cmake-build/wordfreq"

# 2. pkg-config, static library
PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_PATH
libdir=$(pkg-config --variable=libdir rc)
# shellcheck disable=SC2046,SC2086
"$cc" -std=c11 $extra $(pkg-config --cflags rc) -o "$work/wordfreq-pc" \
    "$src/main.c" "$src/tokenize.c" "$src/counter.c" "$src/report.c" "$libdir/librc.a"
check_run "$work/wordfreq-pc"
echo "install test passed: headers, static and shared libraries, rc.pc, rcConfig.cmake"

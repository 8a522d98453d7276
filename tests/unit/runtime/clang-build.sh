#!/bin/sh
# clang-build.sh SOURCE_DIR WORK_DIR CLANG - build the runtime and its unit
# tests with a second compiler (Release: the pool and the collector's
# release paths) and run them. Catches what one compiler's choices hide
# (it found a stack list head that gcc happened to align to 16 bytes).
set -eu
src=$1 work=$2 clang=$3
command -v "$clang" >/dev/null 2>&1 || { echo "$clang not found: skipped"; exit 0; }
cmake -S "$src" -B "$work" -G Ninja -DCMAKE_C_COMPILER="$clang" -DCMAKE_BUILD_TYPE=Release \
      -DRC_WERROR=ON -DRC_BUILD_ANALYZER=OFF >"$work.log" 2>&1 || { cat "$work.log"; exit 1; }
cmake --build "$work" --target runtime_object runtime_types runtime_gc runtime_gc_oracle \
      runtime_weakref runtime_trace runtime_fault runtime_leakcheck runtime_leak_helper \
      >>"$work.log" 2>&1 || { tail -n 40 "$work.log"; exit 1; }
ctest --test-dir "$work" -R '^runtime_(object|types|gc|gc_oracle|weakref|trace|fault|leakcheck)$' \
      --output-on-failure

#!/usr/bin/env bash
# Quick start 2: install what is missing, then build and run the whole test
# suite: format check, warnings-as-errors build + tests, ASan+UBSan build +
# tests, and a short libFuzzer run when clang is available.
# Usage: scripts/test.sh [--quick]   (--quick: only the ci build and tests)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1

scripts/setup.sh
scripts/check-format.sh

jobs=$(nproc)

echo "== ci: release build, warnings are errors"
cmake --preset ci
cmake --build --preset ci -j "$jobs"
ctest --preset ci -j "$jobs"

[ "$quick" = 1 ] && exit 0

echo "== asan: AddressSanitizer + UBSan"
cmake --preset asan
cmake --build --preset asan -j "$jobs"
ctest --preset asan -j "$jobs"

if command -v clang++ >/dev/null 2>&1; then
  echo "== fuzz: libFuzzer short runs"
  cmake --preset fuzz
  cmake --build --preset fuzz -j "$jobs"
  ctest --preset fuzz -R fuzz
else
  echo "== fuzz: skipped (no clang++)"
fi

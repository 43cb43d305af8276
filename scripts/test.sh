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
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Runs ctest and keeps its summary for the closing line.
run_ctest() {
  ctest "$@" 2>&1 | tee -a "$log"
}

echo "== ci: release build, warnings are errors"
cmake --preset ci
cmake --build --preset ci -j "$jobs"
run_ctest --preset ci -j "$jobs"

if [ "$quick" = 1 ]; then exit 0; fi

echo "== asan: AddressSanitizer + UBSan"
cmake --preset asan
cmake --build --preset asan -j "$jobs"
run_ctest --preset asan -j "$jobs"

if command -v clang++ >/dev/null 2>&1; then
  echo "== fuzz: libFuzzer short runs"
  cmake --preset fuzz
  cmake --build --preset fuzz -j "$jobs"
  run_ctest --preset fuzz -R fuzz
else
  echo "== fuzz: skipped (no clang++)"
fi

# One closing line for all runs: "N passed, M failed".
total=$(grep -Eo 'tests failed out of [0-9]+' "$log" | awk '{s += $5} END {print s + 0}')
failed=$(grep -Eo '[0-9]+ tests failed out of' "$log" | awk '{s += $1} END {print s + 0}')
echo "test.sh: all suites (ci, asan, fuzz)"
echo "$((total - failed)) passed, $failed failed"

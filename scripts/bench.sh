#!/usr/bin/env bash
# Builds the Release benchmarks and runs them (5 repetitions, medians).
# Usage: scripts/bench.sh [extra Google Benchmark flags]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >&2
cmake --preset bench >/dev/null
cmake --build --preset bench >&2
exec taskset -c 0 build/bench/bench/circa_bench --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true "$@"

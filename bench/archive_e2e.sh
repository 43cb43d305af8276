#!/usr/bin/env bash
# End-to-end archive and batch benchmark (bench/RESULTS.md): builds an
# archive of N synthetic tenders (8 bids x 15 criteria), then runs a batch
# with three scenarios over it on every core, timing both and the batch's
# peak memory; then streams N / 5 synthetic tenders as JSON lines through
# `circa batch --input - -f jsonl` (docs/batch.md, "Streaming").
#   bench/archive_e2e.sh [BUILD_DIR] [N]     (default: build/ci 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/ci}"
n="${2:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "build: %e s wall, %U s user, %S s sys, %M KB peak" \
  "$build/bench/circa_archive_e2e" "$work/archive.db" "$n"
ls -l "$work/archive.db" | awk '{printf "archive: %.0f MB\n", $5 / 1e6}'
for probe in --no-reversal ""; do
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "batch ${probe:-with the reversal probe}: %e s wall, %U s user, %S s sys, %M KB peak" \
    "$build/engine/cli/circa" batch --archive "$work/archive.db" \
    --scenarios bench/archive_scenarios.yaml -f csv --quiet $probe \
    >"$work/out.csv"
  echo "batch: $(($(wc -l <"$work/out.csv") - 1)) tender lines"
done
lines=$((n / 5))
"$build/bench/circa_archive_e2e" --jsonl "$lines" >"$work/in.jsonl"
for probe in --no-reversal ""; do
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "stream ${probe:-with the reversal probe}: %e s wall, %U s user, %S s sys, %M KB peak" \
    "$build/engine/cli/circa" batch --input - \
    --scenarios bench/archive_scenarios.yaml -f jsonl $probe \
    <"$work/in.jsonl" >"$work/out.jsonl"
  echo "stream: $(wc -l <"$work/out.jsonl") result lines of $lines"
done

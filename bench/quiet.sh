#!/usr/bin/env bash
# Issue 18's targets in one go, for a quiet machine (bench/RESULTS.md, "End
# of the next round, quiet"): the numpy comparison (bench/compare.py), the
# kernels and loaders pinned to one core (medians of 5), the bids CSV on
# every core, `circa score samples/office-furniture` under `perf stat -r
# 100`, and median wall times of 200 runs. Needs circa, circa_bench and
# circa_bench_dump built.
#   bench/quiet.sh [BUILD_DIR]     (default build/ci)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/ci}"
echo "load: $(cat /proc/loadavg)"; date -u
/usr/bin/python3 bench/compare.py "$build" 2>&1 | tail -5
taskset -c 0 "$build/bench/circa_bench" \
  --benchmark_filter='BM_Score/100000$|BM_ScoreBidSet/100000|BM_Rank/100000|BM_Smaa/20/100000|BM_SmaaThreads/20/100000|BM_LoadBidsCsv/10000|BM_ParseCriteria|BM_LoadModelAndDerivedSet/0|BM_CliEndToEnd' \
  --benchmark_repetitions=5 --benchmark_report_aggregates_only=true 2>&1 |
  grep median
# Bids CSV on every core too: a file of 1 MiB or more is hashed on a second
# core while its rows are read (pinned, it is hashed after them).
"$build/bench/circa_bench" --benchmark_filter='BM_LoadBidsCsv/10000' \
  --benchmark_repetitions=5 --benchmark_report_aggregates_only=true 2>&1 |
  grep median | sed 's/^/every core: /'
if command -v perf >/dev/null; then
  perf stat -r 100 -e task-clock,page-faults "$build/engine/cli/circa" score \
    samples/office-furniture 2>&1 >/dev/null |
    grep -E "task-clock|page-faults|elapsed"
fi
CIRCA="$build/engine/cli/circa" /usr/bin/python3 - <<'PY'
import os, subprocess, time
B = os.environ["CIRCA"]
def median_ms(args, n=200):
    ts = []
    for _ in range(n):
        s = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ts.append(time.perf_counter() - s)
    ts.sort()
    return ts[n // 2] * 1000
print("wall median ms: /bin/true %.2f, --version %.2f, score office-furniture %.2f"
      % (median_ms(["/bin/true"]), median_ms([B, "--version"]),
         median_ms([B, "score", "samples/office-furniture"])))
PY
echo "load: $(cat /proc/loadavg)"; date -u

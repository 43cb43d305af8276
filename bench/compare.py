#!/usr/bin/python3
"""Runs circa_bench and the numpy peers (bench/peers.py) on the same data
and prints each median (wall and CPU time) and the ratio numpy / circa
(issue 18). On a loaded machine the CPU-time ratio is the steadier one.

Usage: bench/compare.py [BUILD_DIR]   (default build/ci; needs the targets
circa_bench and circa_bench_dump built). circa_bench runs pinned to one core
(taskset -c 0) except BM_ScoreThreads and BM_SmaaThreads, which may use
both; the numpy command
runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from its
environment only.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def circa_medians(bench, bench_filter, pin):
    cmd = [bench, "--benchmark_filter=" + bench_filter,
           "--benchmark_repetitions=5", "--benchmark_format=json",
           "--benchmark_report_aggregates_only=true"]
    if pin:
        cmd = ["taskset", "-c", "0"] + cmd
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    medians = {}
    for b in json.loads(out.stdout)["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0}[b["time_unit"]]
        medians[b["run_name"]] = (b["real_time"] * scale,
                                  b["cpu_time"] * scale)
    return medians


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build",
                                                               "ci")
    bench = os.path.join(build, "bench", "circa_bench")
    dump = os.path.join(build, "bench", "circa_bench_dump")
    with tempfile.TemporaryDirectory() as data:
        subprocess.run([dump, data], check=True)
        env = dict(os.environ)
        env.pop("OPENBLAS_CORETYPE", None)
        env.pop("OPENBLAS_L2_SIZE", None)
        peers = subprocess.run(
            ["/usr/bin/python3", os.path.join(HERE, "peers.py"), data],
            check=True, capture_output=True, text=True, env=env)
        numpy = json.loads(peers.stdout)
    one = circa_medians(bench, "^BM_Score/100000$|^BM_Smaa/20/100000$", True)
    two = circa_medians(
        bench, "^BM_ScoreThreads/100000/|^BM_SmaaThreads/20/100000", False)
    rows = [("score + rank 100,000 x 30", one.get("BM_Score/100000"),
             (numpy["score_ms"], numpy["score_cpu_ms"])),
            ("SMAA-2 100,000 x 20 x 30, one thread",
             one.get("BM_Smaa/20/100000"),
             (numpy["smaa_ms"], numpy["smaa_cpu_ms"]))]
    # Google Benchmark's CPU time counts the main thread only: wall. (Their
    # run names end in /real_time.)
    for name, ms in sorted(two.items()):
        if name.startswith("BM_ScoreThreads/100000"):
            rows.insert(1, ("score + rank, every core (wall)", (ms[0], ms[0]),
                            (numpy["score_ms"], numpy["score_ms"])))
        elif name.startswith("BM_SmaaThreads/20/100000"):
            rows.append(("SMAA-2, every core (wall)", (ms[0], ms[0]),
                         (numpy["smaa_ms"], numpy["smaa_ms"])))
    print(f"numpy {numpy['numpy']}; wall / CPU medians in ms; ratio = numpy "
          "/ circa")
    print(f"{'benchmark':38} {'circa wall':>10} {'numpy wall':>10} "
          f"{'ratio':>6} {'circa CPU':>10} {'numpy CPU':>10} {'ratio':>6}")
    for name, circa, peer in rows:
        if circa is None:
            continue
        print(f"{name:38} {circa[0]:10.2f} {peer[0]:10.2f} "
              f"{peer[0] / circa[0]:5.1f}x {circa[1]:10.2f} {peer[1]:10.2f} "
              f"{peer[1] / circa[1]:5.1f}x")

if __name__ == "__main__":
    main()

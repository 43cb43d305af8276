#!/usr/bin/python3
"""numpy peers of circa's scoring and SMAA benchmarks (issue 18).

Times, on the inputs circa_bench uses (written by circa_bench_dump, see
bench/bench_dump.cc), what an analyst would write in numpy instead:

  score: min-max normalisation of each of the 30 columns of the
         100,000 x 30 decision matrix, the weighted sum, and a stable
         argsort of the totals (best first);
  smaa:  SMAA-2 rank acceptability of 20 bids x 30 criteria from 100,000
         weight samples: Exponential(1) draws normalised to the simplex,
         totals = S @ W, a stable argsort per sample, rank counts.

Prints one JSON object: {"score_ms": median wall time, "score_cpu_ms":
median CPU time, "smaa_ms", "smaa_cpu_ms", ...}.
Usage: peers.py DATA_DIR [--repetitions N]
Run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (bench/compare.py
does this), so OpenBLAS picks its own kernels for the CPU.
"""
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np


def load(path):
    with open(path, "rb") as f:
        rows, cols = np.frombuffer(f.read(16), dtype="<i8")
        data = np.frombuffer(f.read(), dtype="<f8")
    return data.reshape(int(rows), int(cols))


def score_and_rank(values, weights):
    lo = values.min(axis=0)
    hi = values.max(axis=0)
    span = np.where(hi > lo, hi - lo, 1.0)
    scores = (values - lo) / span
    totals = scores @ weights
    order = np.argsort(-totals, kind="stable")
    return totals, order


def smaa(scores, samples, rng):
    bids, criteria = scores.shape
    w = rng.standard_exponential((criteria, samples))
    w /= w.sum(axis=0)
    totals = scores @ w  # bids x samples
    order = np.argsort(-totals, axis=0, kind="stable")  # rank -> bid
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(bids)[:, None], axis=0)
    # acceptability[i, r] = share of samples in which bid i has rank r.
    flat = (np.arange(bids)[:, None] * bids + ranks).ravel()
    counts = np.bincount(flat, minlength=bids * bids).reshape(bids, bids)
    return counts / samples


def median_ms(fn, repetitions):
    """Median wall and CPU (process) time in ms, and the wall times."""
    wall, cpu = [], []
    for _ in range(repetitions):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - start_cpu) * 1e3)
        wall.append((time.perf_counter() - start) * 1e3)
    return statistics.median(wall), statistics.median(cpu), wall


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("--repetitions", type=int, default=11)
    parser.add_argument("--samples", type=int, default=100000)
    args = parser.parse_args()
    values = np.ascontiguousarray(load(os.path.join(args.data_dir, "score.bin")))
    weights = load(os.path.join(args.data_dir, "weights.bin")).ravel()
    scores = np.ascontiguousarray(load(os.path.join(args.data_dir, "smaa.bin")))
    rng = np.random.default_rng(1)
    score_and_rank(values, weights)  # warm-up
    smaa(scores, 1000, rng)
    score, score_cpu, score_all = median_ms(
        lambda: score_and_rank(values, weights), args.repetitions)
    sm, smaa_cpu, smaa_all = median_ms(
        lambda: smaa(scores, args.samples, rng), args.repetitions)
    json.dump({"numpy": np.__version__, "score_ms": score,
               "score_cpu_ms": score_cpu, "smaa_ms": sm,
               "smaa_cpu_ms": smaa_cpu, "score_runs_ms": score_all,
               "smaa_runs_ms": smaa_all}, sys.stdout)
    print()


if __name__ == "__main__":
    main()

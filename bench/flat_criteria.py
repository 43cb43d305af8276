#!/usr/bin/python3
"""Writes the flat-criteria tender of issue 12 (item 4) for `circa score`.

The same inputs as BM_FlatCriteria (bench/bounds_benchmark.cc): a set of N
flat criteria (one price, lowest-ratio; N - 1 quality, linear 0..10, weight
1 each, scale N) in criteria.yaml and BIDS bids in bids.csv. The benchmark
times the library; this times the whole command, reading the files from
disk as a buyer would:

  bench/flat_criteria.py /tmp/flat
  /usr/bin/time -v build/ci/engine/cli/circa score /tmp/flat/criteria.yaml \\
      /tmp/flat/bids.csv > /dev/null

Usage: flat_criteria.py DIR [--criteria N] [--bids BIDS]
"""
import argparse
import os


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--criteria", type=int, default=20000)
    parser.add_argument("--bids", type=int, default=2)
    args = parser.parse_args()
    n = args.criteria
    os.makedirs(args.dir, exist_ok=True)
    with open(os.path.join(args.dir, "criteria.yaml"), "w") as f:
        f.write("circa: 1\nid: flat\nversion: 1.0.0\ntitle: Flat\n")
        f.write("scale: %d\ncriteria:\n" % n)
        f.write("  - {id: price, type: price, weight: 1, scoring: {rule: "
                "lowest-ratio}}\n")
        for i in range(1, n):
            f.write("  - {id: q%d, type: quality, weight: 1, scoring: {rule: "
                    "linear, worst: 0, best: 10}}\n" % i)
    with open(os.path.join(args.dir, "bids.csv"), "w") as f:
        f.write("bid,supplier,price")
        f.write("".join(",q%d" % i for i in range(1, n)) + "\n")
        for b in range(args.bids):
            f.write("B%d,S%d,%d" % (b, b, 100 + b))
            f.write("".join(",%d" % ((i + b) % 10) for i in range(1, n)))
            f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Old and new folio-bench binaries on one corpus, in turns, in one sitting: medians and new/old.

    python3 Benchmarks/compare-binaries.py OLD/folio-bench NEW/folio-bench PATH [--pairs N] [-- BENCH-ARGS]

Each pair runs OLD then NEW (`--json --no-fts5` plus BENCH-ARGS); the table gives each figure's
median over the pairs and the ratio new/old (below 1: new is faster or smaller). Taking turns
spreads the shared machine's noise over both. Standard library only.
"""
import argparse
import json
import statistics
import subprocess
import sys


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def figures(report):
    folio = report["folio"]
    per_query = [statistics.median(query["seconds"]) for query in folio["queries"]]
    return {
        "keystroke p50 ms (search + snippets)": folio["keystroke_p50_seconds"] * 1e3,
        "keystroke p99 ms": folio["keystroke_p99_seconds"] * 1e3,
        "complete query p50 ms": percentile(per_query, 0.5) * 1e3,
        "complete query p99 ms": percentile(per_query, 0.99) * 1e3,
        "index build ms": statistics.median(folio["build_seconds"]) * 1e3,
        "open from snapshot ms": statistics.median(folio["snapshot_open_seconds"]) * 1e3,
        "peak RSS MiB": folio["peak_resident_bytes"] / 2**20,
    }


def run(binary, path, extra):
    output = subprocess.run([binary, path, "--json", "--no-fts5", *extra], check=True, capture_output=True, text=True)
    return figures(json.loads(output.stdout))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("path")
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("extra", nargs="*")
    options = parser.parse_args()
    old, new = [], []
    for pair in range(options.pairs):
        old.append(run(options.old, options.path, options.extra))
        new.append(run(options.new, options.path, options.extra))
        print(f"pair {pair + 1}/{options.pairs} done", file=sys.stderr)
    print(f"{'figure':38} {'old':>10} {'new':>10} {'new/old':>8}")
    for name in old[0]:
        before = statistics.median(run_[name] for run_ in old)
        after = statistics.median(run_[name] for run_ in new)
        print(f"{name:38} {before:10.3f} {after:10.3f} {after / before:8.2f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Time `rg -l -i -F -- QUERY CORPUS` for each benchmark query (no index: every query reads the corpus).

Each query is one fixed-string phrase: the query line with its ASCII double quotes removed, matched
case-insensitively; folio's operators (-word, OR, title:, date:) are searched as literal text.
One untimed warm-up run first, so the corpus is in the page cache as it is for the other peers.
Peak memory: the largest ru_maxrss of any rg run (getrusage(RUSAGE_CHILDREN) of this process,
whose only children are the rg runs).

Prints one JSON object on stdout; exit 2 on a bad argument or when rg fails.
"""

import argparse
import os
import resource
import subprocess
import sys
import time

from peerlib import emit, load_queries


def run_rg(rg, phrase, corpus):
    """(seconds, files listed) for one run; raises RuntimeError when rg reports an error (status 2)."""
    started = time.perf_counter()
    done = subprocess.run(
        [rg, "-l", "-i", "-F", "--", phrase, corpus], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: no match
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise RuntimeError(f"rg exited {done.returncode}: {message[0] if message else 'no message'}")
    return seconds, done.stdout.count(b"\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--queries", required=True)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--rg", default="rg")
    parser.add_argument(
        "--budget-seconds", type=float, default=0,
        help="stop starting new queries once this much time has gone (0: run them all)",
    )
    args = parser.parse_args()
    if not os.path.exists(args.corpus):
        print(f"ripgrep_bench: no such corpus: {args.corpus}", file=sys.stderr)
        return 2

    queries = load_queries(args.queries)
    try:
        run_rg(args.rg, "folio peers warm-up", args.corpus)
        timings = []
        started = time.perf_counter()
        for query in queries:
            if args.budget_seconds and time.perf_counter() - started > args.budget_seconds:
                break
            phrase = query.replace('"', "")
            runs = [run_rg(args.rg, phrase, args.corpus) for _ in range(args.passes)]
            timings.append({"query": query, "phrase": phrase, "seconds": [s for s, _ in runs], "files": runs[0][1]})
    except (OSError, RuntimeError) as error:
        print(f"ripgrep_bench: {error}", file=sys.stderr)
        return 2

    version = subprocess.run([args.rg, "--version"], stdout=subprocess.PIPE, check=False).stdout.decode()
    return emit(
        {
            "queries": timings,
            "queries_total": len(queries),
            "budget_seconds": args.budget_seconds,
            "peak_resident_bytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
            "rg_version": version.splitlines()[0] if version else "?",
        }
    )


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Print the peer comparison table from the JSON each peer's run wrote.

Each input file holds that peer's JSON (folio-bench --json, tantivy_bench.py, ripgrep_bench.py) or
{"unavailable": "reason"}. Latency: each query's median over its runs, then p50 and p99 (nearest
rank) over the queries every indexed peer answered.
"""

import argparse
import json
import os
import textwrap

from peerlib import article_paths, median, percentile, print_table

MIB = 1024 * 1024
COLUMNS = ["peer", "index build s", "query p50 ms", "query p99 ms", "queries", "peak RSS MiB", "index MiB"]


def load(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as error:
        return {"unavailable": f"no result ({error.__class__.__name__}: {path})"}


def per_query(timings):
    """{query text: median seconds} from a list of {"query", "seconds": [...]}."""
    return {timing["query"]: median(timing["seconds"]) for timing in timings}


def latency_cells(times, common):
    values = [times[query] * 1000 for query in common if query in times]
    if not values:
        return {"query p50 ms": "-", "query p99 ms": "-", "queries": "0"}
    return {
        "query p50 ms": f"{percentile(values, 50):.3f}",
        "query p99 ms": f"{percentile(values, 99):.3f}",
        "queries": str(len(values)),
    }


def mib(value):
    return f"{value / MIB:.1f}" if value else "?"


def corpus_size(corpus, peers):
    """(articles, bytes of text) from the first engine that loaded the corpus, else from the files."""
    for peer in (peers["folio"], peers["fts5"]):
        if "corpus" in peer:
            return peer["corpus"]["articles"], peer["corpus"]["bytes"]
    paths = article_paths(corpus)
    return len(paths), sum(os.path.getsize(path) for path in paths)


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as cpuinfo:
            model = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "?")
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({model})"


def engine_rows(peers):
    """Table rows and per-peer {query: seconds} for folio, FTS5 and tantivy."""
    rows, times = [], {}
    for key, name in (("folio", "folio"), ("fts5", "SQLite FTS5"), ("tantivy", "tantivy")):
        peer = peers[key]
        engine = peer.get(key) if key in ("folio", "fts5") else peer
        if "unavailable" in peer or not engine:
            rows.append({"peer": name, "unavailable": peer.get("unavailable", "no figures in its output")})
            continue
        times[key] = per_query(engine["queries"])
        rows.append({
            "peer": name, "key": key,
            "index build s": f"{median(engine['build_seconds']):.3f}",
            "peak RSS MiB": mib(engine.get("peak_resident_bytes")),
            "index MiB": mib(engine["index_bytes"]),
        })
    return rows, times


def excluded(peers, all_queries, common):
    """Why each query outside the common set was left out."""
    reasons = {}
    for item in peers["tantivy"].get("rejected", []):
        reasons.setdefault(item["query"], f"tantivy: {item['message'].splitlines()[0][:70]}")
    for item in peers["fts5"].get("fts5_rejected", []):
        reasons.setdefault(item["query"], f"FTS5: {item['message'][:70]}")
    for query in peers["fts5"].get("fts5_untranslatable", []):
        reasons.setdefault(query, "FTS5: nothing to search for")
    return [(query, reasons.get(query, "not answered by every peer")) for query in all_queries if query not in common]


def slowest(times, common):
    """The slowest common query of each peer: where its p99 comes from."""
    names = {"folio": "folio", "fts5": "FTS5", "tantivy": "tantivy", "ripgrep": "ripgrep"}
    parts = []
    for key, answered in times.items():
        ran = [query for query in common if query in answered]
        if ran:
            query = max(ran, key=answered.get)
            parts.append(f"{names[key]} «{query}» {answered[query] * 1000:.1f} ms")
    return "slowest query: " + "; ".join(parts) + "."


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("corpus", "queries", "folio", "fts5", "tantivy", "ripgrep"):
        parser.add_argument(f"--{name}", required=True)
    parser.add_argument("--load-start", default="?")
    args = parser.parse_args()
    peers = {name: load(getattr(args, name)) for name in ("folio", "fts5", "tantivy", "ripgrep")}
    with open(args.queries, encoding="utf-8") as handle:
        all_queries = [line.strip() for line in handle if line.strip()]

    rows, times = engine_rows(peers)
    if "queries" in peers["ripgrep"]:
        times["ripgrep"] = per_query(peers["ripgrep"]["queries"])
    # The queries every available indexed peer answered; ripgrep (no query syntax) runs them all.
    common = [query for query in all_queries
              if all(query in answered for key, answered in times.items() if key != "ripgrep")]
    for row in rows:
        if "key" in row:
            row.update(latency_cells(times[row["key"]], common))
    rg = peers["ripgrep"]
    if "unavailable" in rg:
        rows.append({"peer": "ripgrep (rg -l)", "unavailable": rg["unavailable"]})
    else:
        row = {"peer": "ripgrep (rg -l)", "index build s": "no index", "peak RSS MiB": mib(rg["peak_resident_bytes"]),
               "index MiB": "-"}
        row.update(latency_cells(times["ripgrep"], common))
        rows.append(row)

    articles, size = corpus_size(args.corpus, peers)
    with open("/proc/loadavg", encoding="ascii") as loadavg:
        load_end = loadavg.read().split()[0]
    print(f"Peers on {args.corpus}: {articles:,} articles, {size / MIB:.1f} MiB of text")
    print(f"machine: {machine()}; load average {args.load_start} at start, {load_end} at end")
    if times:
        print(f"queries: {args.queries}, {len(common)} of {len(all_queries)} answered by every indexed peer")
    else:
        print(f"queries: {args.queries} ({len(all_queries)}); no peer ran")
    print()
    print_table(rows, COLUMNS)
    print()
    notes = footnotes(peers, all_queries, common, articles) + ([slowest(times, common)] if times else [])
    for note in notes:
        print(textwrap.fill(note, width=110, initial_indent="  ", subsequent_indent="    "))
    # 1 when a peer could not run, so a caller notices although the table was printed.
    return 1 if any("unavailable" in row for row in rows) else 0


def footnotes(peers, all_queries, common, articles):
    """One paragraph per note, wrapped by the caller."""
    notes = [
        "index build: median of the builds from text already in memory (reading the files is not counted).",
        "query: each query's median over 3 runs, then p50 / p99 (nearest rank) over the queries; with fewer than "
        "100 queries p99 is the slowest query. folio, FTS5, tantivy: top 20 by BM25 (title x4), words ANDed, "
        "no snippets, in process; ripgrep: a whole process per query, reading the corpus every time.",
        "peak RSS: the peak resident memory of the process doing the work, loaded text included.",
    ]
    folio, fts5, tantivy, rg = (peers[name] for name in ("folio", "fts5", "tantivy", "ripgrep"))
    if "folio" in folio:
        notes.append(
            "folio: folio-bench --json --no-fts5; build = ArticleStore index and sort keys; reading and parsing the "
            f"files took {median(folio['folio']['load_seconds']):.3f} s (median); index MiB = SearchIndex.memoryBytes "
            "(in memory); peak RSS = VmHWM after the first build.")
        opens = folio["folio"].get("snapshot_open_seconds") or []
        if opens:
            notes.append(
                f"folio reopens the corpus from its index snapshot (listing the files, fingerprint, mapping and "
                f"checksum; nothing read or indexed) in {median(opens):.3f} s (median of {len(opens)}); the snapshot "
                f"file is {mib(folio['folio'].get('snapshot_bytes'))} MiB (index and normalised text).")
    if "fts5" in fts5:
        notes.append(
            "SQLite FTS5: folio-bench --json --fts5-only (its own process, articles from folio's loader); in memory, "
            "tokenize 'porter unicode61 remove_diacritics 2', bm25(t, 4.0, 1.0) LIMIT 20; build = insert in one "
            "transaction + optimize; index MiB = the database, which holds its own copy of the text; peak RSS = VmHWM "
            "at the end; date: filters are dropped, so such queries differ.")
    if "articles" in tantivy:
        count = tantivy["articles"]
        mismatch = "" if count == articles else f" ({count:,} articles read, folio has {articles:,})"
        notes.append(
            f"tantivy {tantivy.get('tantivy_version', '?')} (Python package): reading the files in Python took "
            f"{tantivy['read_seconds']:.3f} s{mismatch}; writer heap 256 MB, threads chosen by tantivy, commit and "
            "merges waited for; en_stem tokenizer, positions, nothing stored; parse_query with "
            "conjunction_by_default and title boost 4, parsed inside the timing; index MiB = the index folder on "
            "disk; peak RSS = ru_maxrss of the Python process (the text as Python strings included).")
    if "queries" in rg:
        ran = len(rg["queries"])
        bound = (f"; only {ran} of {rg['queries_total']} queries ran within the {rg['budget_seconds']:.0f} s budget"
                 if ran < rg["queries_total"] else "")
        notes.append(
            f"ripgrep ({rg.get('rg_version', '?')}): rg -l -i -F -- PHRASE CORPUS, each query line as one "
            "fixed-string phrase (double quotes removed; -word, OR, title: are literal text), case-insensitive, "
            f"after one untimed warm-up run{bound}; peak RSS = the largest rg run (RUSAGE_CHILDREN).")
    left_out = excluded(peers, all_queries, common)
    if left_out:
        notes.append("left out of the latency figures (not answered by every indexed peer): " + "; ".join(
            f"«{query}» ({reason})" for query, reason in left_out))
    return notes


if __name__ == "__main__":
    raise SystemExit(main())

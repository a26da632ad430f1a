#!/usr/bin/env python3
"""Index a corpus with tantivy (its Python package) and time the benchmark queries.

Reads the same files folio reads (.txt, .md and files without an extension, hidden files and
folders skipped, at most 16 MiB each), title = first line, body = the rest, decoded as UTF-8 with
errors='replace'; and the records of JSON Lines files (`title` and `text`/`body`; lines that are
not a JSON object skipped) and of mbox files (Subject and the decoded text of the message), as
folio reads them, so a container corpus is indexed with the same articles. Builds an index in a temporary folder (title and body as text fields, English
stemming, positions, nothing stored), commits, then times each query
`searcher.search(index.parse_query(q, ["title", "body"], ...), 20)` in several passes.

Prints one JSON object on stdout (see Benchmarks/peers/README.md); exit 2 on a bad argument.
"""

import argparse
import importlib.metadata
import json
import mailbox
import os
import resource
import shutil
import sys
import tempfile
import time

import tantivy

from peerlib import article_paths, emit, load_queries

# The writer's memory budget: tantivy flushes a segment each time it is reached. 256 MB keeps
# the 100k corpus to a handful of segments without dominating the process's memory.
WRITER_HEAP_BYTES = 256 * 1024 * 1024


def read_articles(root):
    """(title, body) per article file, in folio's order."""
    articles = []
    for path in article_paths(root):
        with open(path, "rb") as handle:
            data = handle.read()
        if b"\0" in data:
            continue  # folio skips these as binary
        text = data.decode("utf-8", errors="replace")
        title, _, body = text.partition("\n")
        articles.append((title.strip(), body))
    if os.path.isdir(root):
        articles.extend(container_articles(root))
    return articles


CONTAINER_EXTENSIONS = {"jsonl", "ndjson", "mbox"}


def container_articles(root):
    """(title, body) per record of the JSON Lines and mbox files under `root`, in name order."""
    paths = []
    for parent, folders, names in os.walk(root):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and name.rsplit(".", 1)[-1].lower() in CONTAINER_EXTENSIONS and "." in name:
                paths.append(os.path.join(parent, name))
    for path in paths:
        if path.lower().endswith(".mbox"):
            for message in mailbox.mbox(path, create=False):
                yield str(message.get("Subject", "")).strip(), message_text(message)
            continue
        with open(path, "rb") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict):
                    body = record.get("text") or record.get("body") or ""
                    yield str(record.get("title") or ""), str(body)


def message_text(message):
    """The text parts of a message, decoded."""
    parts = message.walk() if message.is_multipart() else [message]
    texts = []
    for part in parts:
        if part.get_content_maintype() == "text":
            payload = part.get_payload(decode=True) or b""
            texts.append(payload.decode(part.get_content_charset() or "utf-8", errors="replace"))
    return "\n".join(texts)


def build_index(folder, articles):
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=False, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=False, tokenizer_name="en_stem")
    index = tantivy.Index(builder.build(), path=folder)
    writer = index.writer(heap_size=WRITER_HEAP_BYTES)
    for title, body in articles:
        writer.add_document(tantivy.Document(title=[title], body=[body]))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


def folder_bytes(folder):
    return sum(
        os.path.getsize(os.path.join(parent, name))
        for parent, _, names in os.walk(folder)
        for name in names
    )


def parse(index, query):
    # Words AND by default and a title hit counts 4 times, as in folio and the FTS5 comparison.
    return index.parse_query(
        query, ["title", "body"], field_boosts={"title": 4.0}, conjunction_by_default=True
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--queries", required=True)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--builds", type=int, default=1, help="index builds (median reported)")
    args = parser.parse_args()
    if not os.path.exists(args.corpus):
        print(f"tantivy_bench: no such corpus: {args.corpus}", file=sys.stderr)
        return 2

    started = time.perf_counter()
    articles = read_articles(args.corpus)
    read_seconds = time.perf_counter() - started

    build_seconds = []
    index_bytes = 0
    work = tempfile.mkdtemp(prefix="folio-peers-tantivy-")
    try:
        for build in range(args.builds):
            folder = os.path.join(work, f"index{build}")
            os.mkdir(folder)
            started = time.perf_counter()
            index = build_index(folder, articles)
            build_seconds.append(time.perf_counter() - started)
            index_bytes = folder_bytes(folder)
            if build + 1 < args.builds:
                del index
                shutil.rmtree(folder)

        searcher = index.searcher()
        timings, rejected = [], []
        for query in load_queries(args.queries):
            try:
                parse(index, query)  # a query tantivy rejects is reported, not timed
            except ValueError as error:
                rejected.append({"query": query, "message": str(error)})
                continue
            seconds, hits = [], 0
            for _ in range(args.passes):
                clock = time.perf_counter()
                # Parsing is part of answering a query, as it is for folio and FTS5.
                result = searcher.search(parse(index, query), 20)
                seconds.append(time.perf_counter() - clock)
                hits = len(result.hits)
            timings.append({"query": query, "seconds": seconds, "hits": hits})
    finally:
        shutil.rmtree(work, ignore_errors=True)

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return emit(
        {
            "articles": len(articles),
            "read_seconds": read_seconds,
            "build_seconds": build_seconds,
            "index_bytes": index_bytes,
            "peak_resident_bytes": usage.ru_maxrss * 1024,  # Linux reports KiB
            "queries": timings,
            "rejected": rejected,
            "tantivy_version": importlib.metadata.version("tantivy"),
        }
    )


if __name__ == "__main__":
    sys.exit(main())

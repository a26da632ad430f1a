"""Shared pieces of the peer benchmarks: folio's file selection, the query list, statistics."""

import json
import os
import stat
import sys

# folio's defaults (Sources/FolioCore/Loading/LoadOptions.swift): these extensions ("" = none),
# compared case-insensitively, and files up to 16 MiB.
ARTICLE_EXTENSIONS = {"txt", "md", ""}
MAX_FILE_BYTES = 16 * 1024 * 1024


def _is_article_name(name):
    extension = name.rsplit(".", 1)[1].lower() if "." in name else ""
    return extension in ARTICLE_EXTENSIONS


def article_paths(root):
    """The files folio reads under `root`, in its order (paths sorted by bytes).

    Hidden files and folders are skipped, symlinks followed, a folder reached twice read once;
    regular files with an article extension and 1 byte to 16 MiB. Files folio would skip later,
    when it sees their bytes (NUL bytes: binary), are left to the caller.
    """
    if not os.path.isdir(root):
        return [root]
    found, seen = [], set()

    def walk(folder, relative):
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        try:
            names = os.listdir(folder)
        except OSError:
            return
        for name in names:
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                walk(path, f"{relative}{name}/")
            elif stat.S_ISREG(info.st_mode) and _is_article_name(name):
                if 0 < info.st_size <= MAX_FILE_BYTES:
                    found.append((os.fsencode(relative + name), path))

    walk(root, "")
    found.sort()
    return [path for _, path in found]


def load_queries(path):
    """One query a line; blank lines ignored, surrounding spaces trimmed (as folio-bench does)."""
    with open(path, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip()]


def median(values):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def percentile(values, p):
    """Nearest rank, as folio-bench's Stats.percentile: p99 of 49 samples is the largest."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = -(-p * len(ordered) // 100)  # ceiling
    return ordered[min(len(ordered) - 1, max(0, int(rank) - 1))]


def print_table(rows, columns):
    """Rows (dicts keyed by column) aligned under `columns`: the first column left, the rest right.

    A row with an "unavailable" key prints its first cell and the reason across the other columns.
    """
    widths = [max([len(column)] + [len(row.get(column, "")) for row in rows if "unavailable" not in row])
              for column in columns]

    def line(cells):
        return "  " + "  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                                for i, (cell, width) in enumerate(zip(cells, widths))).rstrip()

    print(line(columns))
    print("  " + "-" * (sum(widths) + 2 * (len(widths) - 1)))
    for row in rows:
        if "unavailable" in row:
            print("  " + row[columns[0]].ljust(widths[0]) + "  unavailable: " + row["unavailable"])
        else:
            print(line([row.get(column, "") for column in columns]))


def emit(result):
    """Prints one peer's measurements as the JSON object peers_table.py reads; exit status 0."""
    json.dump(result, sys.stdout, indent=1)
    print()
    return 0

#!/usr/bin/env python3
"""Drives folio in a pseudo-terminal the way a hostile or unlucky SSH visitor's terminal could.

    python3 Tests/Kiosk/check_kiosk_terminal.py FOLIO SCENARIO [--corpus PATH] [--timeout S]

Scenarios (each prints one line, "passed" or "FAILED: why", and exits 0 or 1):
  sizes          window sizes an SSH client may ask for: 40000x30, 100x32768, 3000x3000, 32768x1,
                 back to 100x30; folio must stay alive, keep drawing inside its limit (1000x500),
                 keep its memory bounded, not spin, and quit on q within a second
  start-size     folio started in a 40000x30 window, then in a 100x32768 one: draws and quits on q
  paste          a 20 KB paste typed into the search bar as plain keys, then Enter and q
  bracketed      the same paste wrapped in bracketed-paste markers, with newlines in it
  slow-link      the terminal reads folio's output at 2 KB/s while 73 keys and then q are typed
  unknown-term   TERM names no terminfo entry: folio must draw and quit on q, not exit at once
  window         FOLIO is any program that ends up running folio (ssh to a ForceCommand), started
                 in a window of --size COLUMNSxROWS with the arguments after "--": folio's list
                 must be drawn within the limit, and q must end the program within 5 seconds

folio runs in restricted mode (FOLIO_RESTRICTED=1) with a throwaway HOME, on the built-in articles
unless --corpus is given (paste generates a 2,000-article corpus, where every keystroke's search
costs enough to show). Standard library only.
"""

import argparse
import os
import random
import shutil
import sys
import tempfile
import time

from kiosk_pty import MAXIMUM_COLUMNS, MAXIMUM_ROWS, MEMORY_LIMIT_KB, Folio, farthest_cursor


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def scenario_sizes(options):
    folio = Folio(options.folio, options.arguments, 100, 30)
    try:
        folio.wait_for_paint()
        check(folio.alive, f"folio exited at 100x30 (status {folio.status})")
        peak = 0
        for columns, rows in [(40000, 30), (100, 32768), (3000, 3000), (32768, 1), (100, 30)]:
            drawn = len(folio.output)
            folio.set_size(columns, rows)
            # A 1000x500 frame takes a debug build about a second of CPU on a loaded machine.
            folio.pump(5, until=lambda: len(folio.output) > drawn or not folio.alive)
            folio.settle(quiet=0.3, limit=5)
            check(folio.alive, f"folio died at {columns}x{rows} (status {folio.status})")
            check(len(folio.output) > drawn, f"folio drew nothing after the resize to {columns}x{rows}")
            peak = max(peak, folio.memory_kb())
        far_rows, far_columns = farthest_cursor(folio.output)
        check(far_rows <= MAXIMUM_ROWS and far_columns <= MAXIMUM_COLUMNS,
              f"folio drew at row {far_rows}, column {far_columns}: beyond {MAXIMUM_COLUMNS}x{MAXIMUM_ROWS}")
        check(peak <= MEMORY_LIMIT_KB, f"resident memory reached {peak // 1024} MB")
        # Back at 100x30 and idle: no spinning.
        folio.settle()
        before = folio.cpu_seconds()
        folio.pump(1.0)
        idle = folio.cpu_seconds() - before
        check(idle < 0.5, f"folio used {idle:.2f} s of CPU in 1 s idle after the resizes")
        drawn = len(folio.output)
        folio.send(b"j")
        folio.pump(1.0, until=lambda: len(folio.output) > drawn)
        check(len(folio.output) > drawn, "folio no longer answers keys after the resizes")
        seconds = folio.quit_time()
        check(seconds is not None and seconds <= options.quit_limit,
              f"q took {seconds if seconds is not None else 'forever'} s after the resizes")
        check(folio.status == 0, f"folio exited with status {folio.status}")
        return f"sizes: survived, drew within {far_columns}x{far_rows}, peak RSS {peak // 1024} MB, " \
               f"idle CPU {idle:.2f} s/s, quit in {seconds:.2f} s"
    finally:
        folio.close()


def scenario_start_size(options):
    notes = []
    for columns, rows in [(40000, 30), (100, 32768), (3000, 3000)]:
        folio = Folio(options.folio, options.arguments, columns, rows)
        try:
            folio.wait_for_paint()
            check(folio.alive, f"folio exited when started at {columns}x{rows} (status {folio.status}): "
                  + bytes(folio.output[-300:]).decode("utf-8", "replace"))
            check(b"1/" in folio.output, f"folio drew no list when started at {columns}x{rows}")
            far_rows, far_columns = farthest_cursor(folio.output)
            check(far_rows <= MAXIMUM_ROWS and far_columns <= MAXIMUM_COLUMNS,
                  f"started at {columns}x{rows}, folio drew at row {far_rows}, column {far_columns}")
            memory = folio.memory_kb()
            check(memory <= MEMORY_LIMIT_KB, f"resident memory at {columns}x{rows} is {memory // 1024} MB")
            seconds = folio.quit_time()
            check(seconds is not None and seconds <= options.quit_limit,
                  f"q took {seconds if seconds is not None else 'forever'} s at {columns}x{rows}")
            check(folio.status == 0, f"folio exited with status {folio.status} at {columns}x{rows}")
            notes.append(f"{columns}x{rows}: RSS {memory // 1024} MB, quit in {seconds:.2f} s")
        finally:
            folio.close()
    return "start-size: " + "; ".join(notes)


def generate_corpus(folder, count, seed=21):
    """`count` short articles of common words, so every query matches and ranks many."""
    words = ("time people year way day thing world life hand part child eye woman place work week case "
             "point government company number group problem fact market money story report city water "
             "game music film plan team season player club league minister election policy energy").split()
    chooser = random.Random(seed)
    os.makedirs(folder)
    for number in range(count):
        title = " ".join(chooser.choice(words) for _ in range(6)).capitalize()
        body = "\n\n".join(" ".join(chooser.choice(words) for _ in range(60)) + "." for _ in range(5))
        with open(os.path.join(folder, f"{number:05}.txt"), "w") as handle:
            handle.write(f"{title}\n\n{body}\n")


def paste_text(size, newlines=False):
    chooser = random.Random(6)
    words = "the market minister season energy policy water report city game film team".split()
    text = []
    length = 0
    while length < size:
        word = chooser.choice(words)
        separator = "\n" if newlines and chooser.random() < 0.1 else " "
        text.append(word + separator)
        length += len(word) + 1
    return "".join(text)[:size].encode()


def run_paste(options, bracketed):
    scratch = tempfile.mkdtemp(prefix="folio-kiosk-corpus-")
    try:
        corpus = options.corpus
        if corpus is None:
            corpus = os.path.join(scratch, "corpus")
            generate_corpus(corpus, 2000)
        folio = Folio(options.folio, [corpus] + options.arguments, 100, 30)
        try:
            folio.wait_for_paint()
            check(folio.alive, f"folio exited before the paste (status {folio.status})")
            folio.send(b"/")
            folio.settle(quiet=0.2, limit=3)
            text = paste_text(20_000, newlines=bracketed)
            cpu_before = folio.cpu_seconds()
            started = time.monotonic()
            folio.send(b"\x1b[200~" + text + b"\x1b[201~" if bracketed else text)
            typed = time.monotonic() - started
            # Enter leaves the search bar; q then quits.
            folio.send(b"\r")
            seconds = folio.quit_time(limit=120)
            cpu = folio.cpu_seconds() - cpu_before if folio.alive else None
            check(seconds is not None, "folio did not quit within 120 s of the paste")
            check(seconds <= options.paste_limit, f"q after the paste took {seconds:.2f} s")
            check(folio.status == 0, f"folio exited with status {folio.status}")
            name = "bracketed" if bracketed else "paste"
            return f"{name}: 20 KB taken in {typed:.2f} s, q answered in {seconds:.2f} s" + \
                   (f" ({cpu:.1f} s CPU)" if cpu is not None else "")
        finally:
            folio.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def scenario_slow_link(options):
    folio = Folio(options.folio, options.arguments, 100, 30)
    try:
        folio.wait_for_paint()
        check(folio.alive, f"folio exited before the test (status {folio.status})")
        folio.read_rate = 2048
        # Opening, paging and closing articles: every key changes most of the screen.
        keys = (b"j" * 3 + b"\r" + b" " * 3 + b"q" + b"k" * 2 + b"\r" + b"G" + b"q") * 6 + b"jjkjk"
        keys = keys[:73]
        for key in keys:
            folio.send(bytes([key]), wait=False)
            folio.pump(0.05)
        # Back in the list whatever the keys left open: Escape closes the reader, then q quits.
        folio.send(b"\x1b", wait=False)
        folio.pump(0.1)
        queued = len(folio.output)
        seconds = folio.quit_time(b"q", limit=60)
        check(seconds is not None, "folio did not quit within 60 s on a 2 KB/s link")
        check(seconds <= options.slow_limit, f"q took {seconds:.2f} s on a 2 KB/s link")
        check(folio.status == 0, f"folio exited with status {folio.status}")
        return f"slow-link: 73 keys then q on a 2 KB/s link: quit in {seconds:.2f} s ({queued} bytes read by then)"
    finally:
        folio.close()


def scenario_unknown_term(options):
    notes = []
    for term in ["folio-no-such-terminal", "xterm-folio-unknown"]:
        folio = Folio(options.folio, options.arguments, 100, 30, term=term)
        try:
            folio.wait_for_paint(limit=15)
            check(folio.alive, f"TERM={term}: folio exited (status {folio.status}): "
                  + bytes(folio.output[-300:]).decode("utf-8", "replace").strip())
            check(b"1/5" in folio.output, f"TERM={term}: no list drawn")
            check(b"unknown terminal type" in folio.output, f"TERM={term}: the fallback is not on the status line")
            drawn = len(folio.output)
            folio.send(b"j")
            folio.pump(2, until=lambda: len(folio.output) > drawn)
            check(len(folio.output) > drawn, f"TERM={term}: nothing drawn after j")
            seconds = folio.quit_time()
            check(seconds is not None and seconds <= options.quit_limit, f"TERM={term}: q was not answered")
            check(folio.status == 0, f"TERM={term}: folio exited with status {folio.status}")
            notes.append(f"TERM={term} drawn and quit in {seconds:.2f} s")
        finally:
            folio.close()
    return "unknown-term: " + "; ".join(notes)


def scenario_window(options):
    columns, rows = (int(part) for part in options.size.split("x"))
    program = Folio(options.folio, options.arguments, columns, rows)
    try:
        program.wait_for_paint(limit=30)
        check(program.alive, f"the program exited at {columns}x{rows} (status {program.status}): "
              + bytes(program.output[-300:]).decode("utf-8", "replace").strip())
        check(b"1/" in program.output, f"no list drawn at {columns}x{rows}")
        far_rows, far_columns = farthest_cursor(program.output)
        check(far_rows <= MAXIMUM_ROWS and far_columns <= MAXIMUM_COLUMNS,
              f"drawn at row {far_rows}, column {far_columns} in a {columns}x{rows} window")
        seconds = program.quit_time(limit=10)
        check(seconds is not None and seconds <= 5, f"q did not end the program at {columns}x{rows}")
        check(program.status == 0, f"the program exited with status {program.status} at {columns}x{rows}")
        return f"window {columns}x{rows}: drawn within {far_columns}x{far_rows}, ended {seconds:.2f} s after q"
    finally:
        program.close()


SCENARIOS = {
    "sizes": scenario_sizes,
    "start-size": scenario_start_size,
    "paste": lambda options: run_paste(options, bracketed=False),
    "bracketed": lambda options: run_paste(options, bracketed=True),
    "slow-link": scenario_slow_link,
    "unknown-term": scenario_unknown_term,
    "window": scenario_window,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folio", help="the folio binary")
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--corpus", help="articles for the paste scenarios (default: 2,000 generated)")
    parser.add_argument("--quit-limit", type=float, default=1.0, help="seconds q may take (default 1)")
    parser.add_argument("--paste-limit", type=float, default=2.0, help="seconds q may take after a paste (default 2)")
    parser.add_argument("--slow-limit", type=float, default=3.0, help="seconds q may take on the slow link (default 3)")
    parser.add_argument("--size", default="40000x30", help="the window scenario's size (default 40000x30)")
    options, options.arguments = parser.parse_known_args()
    if options.arguments[:1] == ["--"]:
        options.arguments = options.arguments[1:]
    options.folio = os.path.abspath(options.folio)
    try:
        print(SCENARIOS[options.scenario](options))
    except Failure as failure:
        print(f"{options.scenario}: FAILED: {failure}")
        sys.exit(1)


if __name__ == "__main__":
    main()

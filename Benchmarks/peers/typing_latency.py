#!/usr/bin/env python3
"""Type queries into a terminal program one key at a time and time each key until the screen settles.

Each tool runs on a pseudo-terminal of 100x30 (TIOCSWINSZ), TERM=xterm-256color, LANG=C.UTF-8.
For every query the tool is started afresh: the harness waits for its first screen (first byte; first
paint = the last byte of the first frame, i.e. before the first 50 ms pause in the output; settled =
no output for 300 ms, which a status line still counting progress delays; all timed from the fork), types the query one key at a
time (folio: `/` first to open the search bar, not counted; fzf: just the keys), and for each key
times from writing it to the last byte of the output burst it causes (settled = no output for
150 ms; the time reported is that of the last byte) and counts the bytes. Then it quits
(folio: Escape, q; fzf: Escape) and kills the tool if it has not exited within 10 s.

Tools: folio (--state in a temporary folder, XDG_CONFIG_HOME empty, so nothing of the user's is
read or written) and `fzf --preview 'head -40 {}'` fed `find CORPUS -type f` on stdin.
"""

import argparse
import fcntl
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

from peerlib import load_queries, median, percentile, print_table

COLUMNS, ROWS = 100, 30
FIRST_PAINT_QUIET = 0.300
# A frame is written in one go (a few writes microseconds apart, milliseconds on a loaded machine); a
# pause this long ends it. The reader's progress updates come every 100 ms.
FRAME_GAP = 0.050
KEY_QUIET = 0.150
# After a query's last key, listen this much longer for output that came after the 150 ms settle
# (a slow search whose results land late); such bytes are reported as "late".
LATE_WINDOW = 1.0
FIRST_BYTE_TIMEOUT = 600.0
KEY_FIRST_BYTE_TIMEOUT = 10.0
EXIT_TIMEOUT = 10.0

# Terminal queries a program may send and wait for; answered as xterm would, so nothing blocks.
TERMINAL_REPLIES = {
    b"\x1b[6n": f"\x1b[{ROWS};1R".encode(),  # cursor position
    b"\x1b[c": b"\x1b[?62;22c",  # primary device attributes
    b"\x1b[0c": b"\x1b[?62;22c",
    b"\x1b[>c": b"\x1b[>41;380;0c",  # secondary device attributes
}


class Session:
    """One program on a fresh pseudo-terminal."""

    def __init__(self, argv, env, stdin_path=None):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.started = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # child: the pty is its controlling terminal and its stdout/stderr
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                stdin = os.open(stdin_path, os.O_RDONLY) if stdin_path else slave
                os.dup2(stdin, 0)
                os.dup2(slave, 1)
                os.dup2(slave, 2)
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        os.close(slave)
        self.pid, self.fd = pid, master
        self.closed = False
        self.status = None

    def read_burst(self, quiet, first_timeout):
        """Reads until `quiet` seconds pass with no output (or the program ends).

        Returns (bytes, time of the first byte, time of the last byte), times from perf_counter;
        the times are None when nothing came within `first_timeout`.
        """
        count, first, last = 0, None, None
        self.first_frame_end = None
        deadline = time.perf_counter() + first_timeout
        while not self.closed:
            now = time.perf_counter()
            wait = (last + quiet - now) if last is not None else (deadline - now)
            if wait <= 0:
                break
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                continue
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # EIO: the program closed the terminal
                data = b""
            if not data:
                self.closed = True
                break
            now = time.perf_counter()
            if last is not None and self.first_frame_end is None and now - last >= FRAME_GAP:
                self.first_frame_end = last
            last = now
            first = first if first is not None else last
            count += len(data)
            for query, reply in TERMINAL_REPLIES.items():
                if query in data:
                    os.write(self.fd, reply)
        return count, first, last

    def key(self, text):
        """Writes one key; returns (seconds from the write to the last byte, bytes), or None if no output."""
        written = time.perf_counter()
        os.write(self.fd, text.encode())
        count, _, last = self.read_burst(KEY_QUIET, KEY_FIRST_BYTE_TIMEOUT)
        return None if last is None else (last - written, count)

    def peak_resident_bytes(self):
        try:
            with open(f"/proc/{self.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return None

    def finish(self, quit_keys):
        """Sends the quit keys, waits for the exit (kills after EXIT_TIMEOUT); True if it exited by itself."""
        for key in quit_keys:
            if self.closed:
                break
            os.write(self.fd, key.encode())
            self.read_burst(KEY_QUIET, KEY_QUIET)
        deadline = time.perf_counter() + EXIT_TIMEOUT
        while time.perf_counter() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                break
            self.read_burst(0.05, 0.05)  # keep draining so the program never blocks on a full pty
        clean = self.status is not None
        if not clean:
            os.kill(self.pid, signal.SIGKILL)
            _, self.status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return clean


def type_query(tool, query):
    """Runs one session: first paint, the query typed key by key, quit. Returns a dict of measurements."""
    for path in tool.get("fresh", []):
        if os.path.exists(path):
            os.remove(path)
    session = Session(tool["argv"], tool["env"], tool.get("stdin"))
    result = {"keys": [], "late_bytes": 0, "clean_exit": False}
    try:
        count, first, last = session.read_burst(FIRST_PAINT_QUIET, FIRST_BYTE_TIMEOUT)
        if last is None:
            raise RuntimeError("exited without output" if session.closed
                               else f"no output within {FIRST_BYTE_TIMEOUT:.0f} s")
        result["first_byte"] = first - session.started
        result["first_paint"] = (session.first_frame_end or last) - session.started
        result["settled"] = last - session.started
        result["first_paint_bytes"] = count
        for key in tool["prelude"]:
            session.key(key)
        for character in query:
            measured = session.key(character)
            if measured is None:
                raise RuntimeError(f"no output within {KEY_FIRST_BYTE_TIMEOUT:.0f} s after typing {character!r}")
            result["keys"].append(measured)
        result["late_bytes"], _, _ = session.read_burst(LATE_WINDOW, LATE_WINDOW)
        result["peak_resident_bytes"] = session.peak_resident_bytes()
    finally:
        result["clean_exit"] = session.finish(tool["quit"])
    return result


def summarise(name, runs, queries):
    keys = [key for run in runs for key in run["keys"]]
    latencies = [seconds * 1000 for seconds, _ in keys]
    sizes = [size for _, size in keys]
    peaks = [run["peak_resident_bytes"] for run in runs if run.get("peak_resident_bytes")]
    return {
        "tool": name,
        "first byte s": "%.2f" % median([run["first_byte"] for run in runs]),
        "first paint s": "%.2f" % median([run["first_paint"] for run in runs]),
        "settled s": "%.2f" % median([run["settled"] for run in runs]),
        "keys": str(len(keys)),
        "key→settled p50 ms": "%.1f" % percentile(latencies, 50),
        "p99 ms": "%.1f" % percentile(latencies, 99),
        "max ms": "%.1f" % max(latencies),
        "bytes/key mean": "%.0f" % (sum(sizes) / len(sizes)),
        "max": str(max(sizes)),
        "peak RSS MiB": "%.0f" % (max(peaks) / 1048576) if peaks else "?",
        "late B": str(sum(run["late_bytes"] for run in runs)),
        "exits": "%d/%d clean" % (sum(run["clean_exit"] for run in runs), len(queries)),
    }


def pick(queries, count):
    """`count` queries spread evenly over the list (the first one included)."""
    if len(queries) <= count:
        return queries
    return [queries[i * len(queries) // count] for i in range(count)]


def tools(args, work):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": work,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "XDG_CONFIG_HOME": os.path.join(work, "config"),
        "XDG_STATE_HOME": os.path.join(work, "state"),
    }
    found = []
    if args.folio_unavailable or not args.folio:
        found.append({"name": "folio", "unavailable": args.folio_unavailable or "no binary given (--folio)"})
    else:
        folio = {
            "argv": [args.folio, "--state", os.path.join(work, "state.sqlite"), args.corpus],
            "prelude": ["/"], "quit": ["\x1b", "q"],
            # A fresh reading state for every start, so no start inherits the previous one's history.
            "fresh": [os.path.join(work, "state.sqlite" + suffix) for suffix in ("", "-wal", "-shm")],
        }
        # --cache reuses a cache folder that may already hold this corpus's snapshot (a 1M-article
        # corpus takes minutes to snapshot); `folio stats` then only checks it.
        cache = args.cache or os.path.join(work, "cache")
        # Two rows: a start with no snapshot (files read, list painted, index built in the background
        # while the first keys are answered by a scan), and a start from the index snapshot, which
        # `folio stats` writes once before that row is measured.
        found.append(dict(folio, name="folio (no snapshot)", env=dict(env, FOLIO_NO_CACHE="1")))
        found.append(dict(folio, name="folio (snapshot)", env=dict(env, XDG_CACHE_HOME=cache),
                          warm=[args.folio, "stats", args.corpus]))
    fzf = shutil.which(args.fzf)
    if args.fzf_unavailable or not fzf:
        found.append({"name": "fzf --preview", "unavailable": args.fzf_unavailable or f"{args.fzf} not found"})
    else:
        listing = os.path.join(work, "files.txt")
        with open(listing, "wb") as out:
            subprocess.run(["find", args.corpus, "-type", "f"], stdout=out, check=True)
        found.append({
            "name": "fzf --preview",
            "argv": [fzf, "--preview", "head -40 {}"],
            "env": dict(env, FZF_DEFAULT_OPTS="", SHELL="/bin/sh"),
            "stdin": listing, "prelude": [], "quit": ["\x1b"],
        })
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--queries", required=True)
    parser.add_argument("--count", type=int, default=5, help="queries typed per tool (spread over the list)")
    parser.add_argument("--folio", help="the folio binary")
    parser.add_argument("--fzf", default="fzf")
    parser.add_argument("--cache", help="XDG_CACHE_HOME for folio's snapshot row (default: a fresh folder)")
    parser.add_argument("--only", choices=["folio-snapshot", "folio-no-snapshot"], help="measure only this row")
    parser.add_argument("--folio-unavailable", metavar="REASON", help="print this for folio instead of running it")
    parser.add_argument("--fzf-unavailable", metavar="REASON", help="print this for fzf instead of running it")
    args = parser.parse_args()
    # `xapian:PATH` (a Xapian database or stub, README "Xapian") is folio's alone: no fzf row.
    if not args.corpus.startswith("xapian:") and not os.path.isdir(args.corpus):
        print(f"typing_latency: no such folder: {args.corpus}", file=sys.stderr)
        return 2
    queries = pick(load_queries(args.queries), args.count)
    work = tempfile.mkdtemp(prefix="folio-peers-pty-")
    rows = []
    try:
        for tool in tools(args, work):
            wanted = {"folio-snapshot": "folio (snapshot)", "folio-no-snapshot": "folio (no snapshot)"}.get(args.only)
            if wanted and tool["name"] != wanted:
                continue
            if "unavailable" in tool:
                rows.append({"tool": tool["name"], "unavailable": tool["unavailable"]})
                continue
            try:
                if "warm" in tool:
                    subprocess.run(tool["warm"], env=tool["env"], stdout=subprocess.DEVNULL, check=True)
                runs = [type_query(tool, query) for query in queries]
                rows.append(summarise(tool["name"], runs, queries))
            except (OSError, RuntimeError, subprocess.CalledProcessError) as error:
                rows.append({"tool": tool["name"], "unavailable": str(error)})
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"Typing latency through a pseudo-terminal ({COLUMNS}x{ROWS}, TERM=xterm-256color), "
          f"{len(queries)} queries typed key by key, a fresh start for each:")
    print("  " + ", ".join(f"«{query}»" for query in queries))
    print_table(rows, ["tool", "first byte s", "first paint s", "settled s", "keys", "key→settled p50 ms", "p99 ms", "max ms",
                       "bytes/key mean", "max", "peak RSS MiB", "late B", "exits"])
    print("  first byte / first paint / settled: from the fork to the first byte / to the end of the first frame "
          "(the last byte before a 50 ms pause) / to the last byte before 300 ms of quiet (median over the starts).")
    print("  key→settled: from writing a key to the last byte of its output (settled = 150 ms of quiet); "
          "folio's opening `/` is not counted.")
    print("  late B: bytes that came 150 ms–1 s after a query's last key had settled (results that outlived the "
          "settle window).")
    return 1 if any("unavailable" in row for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())

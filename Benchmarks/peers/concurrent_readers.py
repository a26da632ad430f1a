#!/usr/bin/env python3
"""Several folio readers at once on one corpus: their total memory, and the servers'.

    python3 Benchmarks/peers/concurrent_readers.py FOLIO CORPUS [--readers 10] [--query WORDS]
        [--server-pids PID,PID]

Starts READERS folio processes, each on its own pseudo-terminal (100x30, as typing_latency.py),
waits for each one's first screen, types the query into each (`/`, the words a key at a time,
Enter, Enter to open the first article), and with all of them still running reads from /proc:
each reader's PSS (proportional set size: shared pages such as the binary and libraries counted
once across the readers, which is what the host pays) and RSS, and the PSS and RSS of the
servers (by default every process named xapian-tcpsrv at that moment: it forks one per
connection). Then quits them all. CORPUS is anything folio opens, e.g. `xapian:/srv/folio/remote.stub` for thin clients of remote shards.
Standard library only; Linux only (/proc).
"""

import argparse
import os
import shutil
import sys
import tempfile
import time

from typing_latency import FIRST_BYTE_TIMEOUT, FIRST_PAINT_QUIET, KEY_QUIET, Session


def proc_kib(pid, file, field):
    """A `field:` value in kB from /proc/PID/FILE, None when the process or field is gone."""
    try:
        with open(f"/proc/{pid}/{file}", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def processes_named(name):
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/comm", encoding="utf-8") as handle:
                    if handle.read().strip() == name:
                        pids.append(int(entry))
            except OSError:
                pass
    return sorted(pids)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folio")
    parser.add_argument("corpus")
    parser.add_argument("--readers", type=int, default=10)
    parser.add_argument("--query", default="government plan")
    parser.add_argument("--server-pids", help="comma-separated; default: every xapian-tcpsrv")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="folio-readers-")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": work,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": os.path.join(work, "config"),
        "XDG_CACHE_HOME": os.path.join(work, "cache"),
        "XDG_STATE_HOME": os.path.join(work, "state"),
    }
    sessions = []
    try:
        for index in range(args.readers):
            state = os.path.join(work, f"state-{index}.sqlite")
            session = Session([args.folio, "--state", state, args.corpus], env)
            count, _, _ = session.read_burst(FIRST_PAINT_QUIET, FIRST_BYTE_TIMEOUT)
            if count == 0:
                sys.exit(f"reader {index + 1} drew nothing")
            sessions.append(session)
        for session in sessions:
            for key in "/" + args.query + "\r\r":
                session.key(key)
        time.sleep(KEY_QUIET)
        for session in sessions:  # drain what came late, so no reader is blocked on its terminal
            session.read_burst(0.05, 0.05)
        readers = [
            (proc_kib(session.pid, "smaps_rollup", "Pss"), proc_kib(session.pid, "status", "VmRSS"))
            for session in sessions
        ]
        # Looked for now: xapian-tcpsrv forks a process per connection.
        servers = (
            [int(pid) for pid in args.server_pids.split(",") if pid]
            if args.server_pids
            else processes_named("xapian-tcpsrv")
        )
        server_rows = [(pid, proc_kib(pid, "smaps_rollup", "Pss"), proc_kib(pid, "status", "VmRSS")) for pid in servers]
    finally:
        clean = [session.finish(["\x1b", "q"]) for session in sessions]
        shutil.rmtree(work, ignore_errors=True)

    if any(pss is None for pss, _ in readers):
        sys.exit("a reader ended before it was measured")
    mib = 1024.0
    print(f"{args.readers} readers on {args.corpus}, query {args.query!r} typed and the first article opened")
    print(f"readers' total PSS        {sum(pss for pss, _ in readers) / mib:8.1f} MiB")
    print(f"reader PSS, each (max)    {max(pss for pss, _ in readers) / mib:8.1f} MiB")
    print(f"reader RSS, each (max)    {max(rss for _, rss in readers) / mib:8.1f} MiB")
    alive = [(pss, rss) for _, pss, rss in server_rows if pss is not None]
    if alive:
        print(f"server processes          {len(alive):8d} (listeners and one per connection)")
        print(f"servers' total PSS        {sum(pss for pss, _ in alive) / mib:8.1f} MiB")
        print(f"server RSS, each (max)    {max(rss for _, rss in alive) / mib:8.1f} MiB")
    if not servers:
        print("(no xapian-tcpsrv running: no server figures)")
    print(f"readers that quit by themselves: {sum(clean)}/{len(clean)}")


if __name__ == "__main__":
    main()

"""folio in a pseudo-terminal for the kiosk checks (check_kiosk_terminal.py): a pty of any size,
read at full speed or at a set rate, with the limits folio must keep. Standard library only.
"""

import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import tempfile
import termios
import time

# The most folio draws; matches CursesTerminal's TerminalSizeLimit.
MAXIMUM_COLUMNS, MAXIMUM_ROWS = 1000, 500
# Resident memory allowed at the largest window (folio idles at 20-40 MB and reaches about 90 MB at
# 1000x500 in a debug build; 3000x3000 unclamped cost about 1 GB).
MEMORY_LIMIT_KB = 250 * 1024


class Folio:
    """folio in a pty: reads everything it writes (or only `read_rate` bytes a second)."""

    def __init__(self, folio, arguments, columns, rows, term="xterm-256color", read_rate=None):
        self.home = tempfile.mkdtemp(prefix="folio-kiosk-home-")
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.home,
            "XDG_STATE_HOME": os.path.join(self.home, "state"),
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            "TERM": term,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "FOLIO_RESTRICTED": "1",
        }
        self.pid, self.master = pty.fork()
        if self.pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
                os.execve(folio, [folio] + arguments, environment)
            finally:
                os._exit(127)
        flags = fcntl.fcntl(self.master, fcntl.F_GETFL)
        fcntl.fcntl(self.master, fcntl.F_SETFL, flags | os.O_NONBLOCK)
        self.output = bytearray()
        self.read_rate = read_rate
        self.closed = False
        self.status = None
        self.pending_input = bytearray()

    # Reading and writing the master side.

    def pump(self, seconds, until=None):
        """Reads folio's output (and sends queued input) for `seconds`, or until `until()` holds."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if until is not None and until():
                return True
            if self.read_rate is not None:
                self._read_slowly(min(0.05, max(0.0, end - time.monotonic())))
            else:
                self._read_ready(min(0.02, max(0.0, end - time.monotonic())))
            self.reap()
        return until is not None and until()

    def _read_ready(self, wait):
        writers = [self.master] if self.pending_input and not self.closed else []
        readers = [self.master] if not self.closed else []
        if not readers:
            time.sleep(wait)
            return
        ready, writable, _ = select.select(readers, writers, [], wait)
        if writable:
            self._send_some()
        if ready:
            self._read(1 << 16)

    def _read_slowly(self, wait):
        """At most read_rate bytes a second, in small reads, as a slow link drains a terminal."""
        if self.pending_input and not self.closed:
            _, writable, _ = select.select([], [self.master], [], 0)
            if writable:
                self._send_some()
        time.sleep(wait)
        if not self.closed:
            self._read(max(1, int(self.read_rate * wait)))

    def _read(self, limit):
        try:
            chunk = os.read(self.master, limit)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self.closed = True
            return
        self.output.extend(chunk)
        # Keep the last few megabytes: enough for every check, bounded for a huge window.
        if len(self.output) > 8 << 20:
            del self.output[: len(self.output) - (4 << 20)]

    def _send_some(self):
        try:
            written = os.write(self.master, bytes(self.pending_input[:4096]))
        except BlockingIOError:
            return
        except OSError:
            self.pending_input.clear()
            return
        del self.pending_input[:written]

    def send(self, data, wait=True):
        """Queues `data` for folio's keyboard; with `wait`, until the pty has taken all of it."""
        self.pending_input.extend(data)
        if wait:
            self.pump(60, until=lambda: not self.pending_input or self.closed)

    def set_size(self, columns, rows):
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))

    # The process.

    def reap(self):
        if self.status is None:
            finished, raw = os.waitpid(self.pid, os.WNOHANG)
            if finished:
                self.status = os.waitstatus_to_exitcode(raw)
        return self.status

    @property
    def alive(self):
        return self.reap() is None

    def memory_kb(self, field="VmRSS"):
        try:
            with open(f"/proc/{self.pid}/status") as status:
                for line in status:
                    if line.startswith(field + ":"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def cpu_seconds(self):
        try:
            with open(f"/proc/{self.pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            return 0.0

    def wait_for_paint(self, limit=30):
        """Waits for folio's first screen, then for it to go quiet."""
        self.pump(limit, until=lambda: b"1/" in self.output or not self.alive)
        self.settle()

    def settle(self, quiet=0.3, limit=10):
        end = time.monotonic() + limit
        while time.monotonic() < end and self.alive:
            before = len(self.output)
            self.pump(quiet)
            if len(self.output) == before:
                return

    def quit_time(self, keys=b"q", limit=10):
        """Sends `keys` and returns the seconds until folio exits (None if it did not)."""
        self.send(keys)
        started = time.monotonic()
        self.pump(limit, until=lambda: not self.alive)
        return None if self.alive else time.monotonic() - started

    def close(self):
        if self.alive:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.master)
        shutil.rmtree(self.home, ignore_errors=True)


def farthest_cursor(data):
    """The largest row and column of any cursor-position sequence (CSI row;col H) in `data`."""
    rows = columns = 0
    for match in re.finditer(rb"\x1b\[(\d+);(\d+)H", bytes(data)):
        rows = max(rows, int(match.group(1)))
        columns = max(columns, int(match.group(2)))
    return rows, columns

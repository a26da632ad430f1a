#!/usr/bin/env python3
"""Runs folio on a corpus in a pseudo-terminal and checks every byte it writes.

    python3 Tests/Hostile/check_terminal_output.py FOLIO CORPUS [--query Q] [--key-delay S] [--timeout S] [--dump FILE]

folio is driven like a person would (move, open, page, next hit, close; search for --query, default
"pwned", open the first result, go to its end, close; page the list, open, close; open the last
result, go to its end, close; quit). Everything it writes to the terminal is recorded and must be ncurses'
own xterm-256color output: every escape sequence a CSI whose final byte and parameters ncurses uses
(or one of the few two-byte escapes it uses), no OSC (title, clipboard, hyperlink, palette), no
DCS/APC/PM/SOS, no C0 control but CR, LF, BS and TAB, valid UTF-8 only, and no C1 control or bidi
control in it. folio must exit with status 0. Prints one summary line; on failure also prints each
offending byte sequence, escaped, with context, and exits 1. Works on any corpus, e.g. the hostile
one from Scripts/generate-hostile-corpus.py or ../shared/corpus/.
"""

import argparse
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import tempfile
import termios
import time
from collections import Counter

ESC = 0x1B
COLUMNS, ROWS = 100, 30

# What ncurses writes for xterm-256color (infocmp -1 xterm-256color), by CSI final byte.
# SGR (m), cursor (H f A B C D E F G d), erase (J K X), insert/delete (@ P L M), scroll (S T r),
# rep (b), modes (h l, checked against ALLOWED_MODES) and the title stack push/pop that smcup/rmcup
# carry (t with 22;0;0 / 23;0;0 only: it saves and restores the title, it cannot set one).
CSI_FINALS = set("mHfABCDEFGdJKX@PLMSTrbhlt")
# ?2004 is bracketed paste, which folio turns on and off with the terminfo entry's BE and BD;
# ?1000 and ?1006 are mouse button reports in the SGR encoding (never ?1002/?1003, motion).
ALLOWED_MODES = {"?1049", "?1", "?25", "?12", "?12;25", "4", "?1034", "?7", "?5", "?2004", "?1000", "?1006"}
ALLOWED_WINDOW_OPS = {"22;0;0", "23;0;0"}
# Two-byte escapes ncurses uses: keypad (= >), save/restore cursor (7 8), reverse index (M).
# Designations (ESC ( B / ESC ( 0) are handled separately.
TWO_BYTE = set("=>78M")
ALLOWED_C0 = {0x08, 0x09, 0x0A, 0x0D}


def drive(folio, corpus, query, key_delay, timeout, extra_args):
    """Runs folio in a pty, types the script, returns (output bytes, exit status, notes)."""
    home = tempfile.mkdtemp(prefix="folio-hostile-home-")
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "XDG_STATE_HOME": os.path.join(home, "state"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        # Hand-off keys are not pressed, but if one fired it must not start anything interactive.
        "PAGER": "true", "EDITOR": "true", "VISUAL": "true",
    }
    pid, master = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            os.execve(folio, [folio] + extra_args + [corpus], environment)
        finally:
            os._exit(127)

    output = bytearray()
    notes = []
    deadline = time.monotonic() + timeout
    closed = False

    def pump(seconds, until=None):
        """Reads what folio writes for `seconds` (or until `until()` holds or the pty closes)."""
        nonlocal closed
        end = min(time.monotonic() + seconds, deadline)
        while not closed and time.monotonic() < end:
            if until is not None and until():
                return
            ready, _, _ = select.select([master], [], [], max(0.0, min(0.05, end - time.monotonic())))
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    closed = True
                    return
                output.extend(chunk)

    def settle(quiet=0.3, limit=20.0):
        """Reads until folio has been quiet for `quiet` seconds."""
        end = min(time.monotonic() + limit, deadline)
        while not closed and time.monotonic() < end:
            before = len(output)
            pump(quiet)
            if len(output) == before:
                return

    def send(data):
        try:
            os.write(master, data)
        except OSError as error:  # folio exited and the pty closed under us
            notes.append(f"could not type {data!r}: {error}")

    def press(keys):
        for key in keys:
            if closed:
                notes.append(f"folio closed the terminal before key {key!r}")
                return
            send(key.encode())
            pump(key_delay)

    pump(min(30.0, timeout), until=lambda: len(output) > 0)
    if not output:
        notes.append("folio wrote nothing within 30 s")
    settle()
    # h closes the reader and does nothing in the list, so the script holds whatever opened.
    press(["j", "j", "j", "j", "j", "\r", " ", "n", "h"])
    press(["/"] + list(query))
    settle(quiet=0.2, limit=5)
    press(["\r", "\r", "G", "n", "h"])
    press([" ", "\r", " ", " ", "h", "G", "\r", "G", "h"])
    # Quit: one q with the list focused, two if something is still open.
    for _ in range(3):
        if closed:
            break
        send(b"q")
        pump(1.5, until=lambda: closed)
    pump(max(0.0, deadline - time.monotonic()), until=lambda: closed)

    status = None
    while time.monotonic() < deadline + 1:
        finished, raw = os.waitpid(pid, os.WNOHANG)
        if finished:
            status = os.waitstatus_to_exitcode(raw)
            break
        time.sleep(0.05)
    if status is None:
        notes.append(f"folio still running after {timeout:.0f} s: killed")
        os.kill(pid, signal.SIGKILL)
        status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    os.close(master)
    remove_tree(home)
    return bytes(output), status, notes


def remove_tree(path):
    for root, folders, files in os.walk(path, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        for name in folders:
            full = os.path.join(root, name)
            os.unlink(full) if os.path.islink(full) else os.rmdir(full)
    os.rmdir(path)


def utf8_length(data, index):
    """The length of the valid UTF-8 sequence at data[index] (a byte >= 0x80), or 0 if invalid."""
    lead = data[index]
    if 0xC2 <= lead <= 0xDF:
        length, low, high = 2, 0x80, 0xBF
    elif 0xE0 <= lead <= 0xEF:
        length = 3
        low, high = {0xE0: (0xA0, 0xBF), 0xED: (0x80, 0x9F)}.get(lead, (0x80, 0xBF))
    elif 0xF0 <= lead <= 0xF4:
        length = 4
        low, high = {0xF0: (0x90, 0xBF), 0xF4: (0x80, 0x8F)}.get(lead, (0x80, 0xBF))
    else:
        return 0
    if index + length > len(data) or not low <= data[index + 1] <= high:
        return 0
    if any(not 0x80 <= data[index + k] <= 0xBF for k in range(2, length)):
        return 0
    return length


def scan(data):
    """Classifies every escape sequence and flags anything ncurses would not have written.
    Returns (Counter of sequence kinds, list of (offset, length, reason))."""
    kinds = Counter()
    problems = []
    index = 0
    count = len(data)
    csi = re.compile(rb"\x1b\[([\x30-\x3f]*)([\x20-\x2f]*)([\x40-\x7e])")
    while index < count:
        byte = data[index]
        if byte == ESC:
            following = data[index + 1] if index + 1 < count else None
            if following == ord("["):
                match = csi.match(data, index)
                if not match:
                    problems.append((index, 8, "malformed or unterminated CSI"))
                    index += 2
                    continue
                parameters, intermediates, final = (part.decode("latin-1") for part in match.groups())
                length = match.end() - index
                kind = f"CSI {final}"
                reason = None
                if intermediates or final not in CSI_FINALS:
                    reason = f"CSI with final {final!r} (intermediates {intermediates!r}) is not ncurses output"
                elif not re.fullmatch(r"\??[0-9;]*", parameters):
                    reason = f"CSI parameters {parameters!r} are not ncurses output"
                elif final in "hl":
                    kind = f"CSI {parameters}{final}"
                    if parameters not in ALLOWED_MODES:
                        reason = f"mode {parameters}{final} is not one ncurses sets for xterm-256color"
                elif final == "t":
                    kind = f"CSI {parameters}t"
                    if parameters not in ALLOWED_WINDOW_OPS:
                        reason = f"window operation {parameters}t (title/size) is not ncurses output"
                elif parameters.startswith("?"):
                    reason = f"private parameters {parameters!r} with final {final!r}"
                if reason:
                    problems.append((index, length, reason))
                kinds[kind] += 1
                index += length
                continue
            if following is not None and chr(following) in "]P_^X":
                name = {"]": "OSC", "P": "DCS", "_": "APC", "^": "PM", "X": "SOS"}[chr(following)]
                kinds[name] += 1
                problems.append((index, 40, f"{name} (ESC {chr(following)}): never ncurses output"))
                index += 2
                continue
            if following is not None and chr(following) in "()" and index + 2 < count and chr(data[index + 2]) in "B0":
                kinds[f"ESC {chr(following)}{chr(data[index + 2])}"] += 1
                index += 3
                continue
            if following is not None and chr(following) in TWO_BYTE:
                kinds[f"ESC {chr(following)}"] += 1
                index += 2
                continue
            kinds["other ESC"] += 1
            problems.append((index, 4, "an ESC that starts no sequence ncurses writes"))
            index += 1
            continue
        if byte < 0x20 or byte == 0x7F:
            if byte not in ALLOWED_C0:
                kinds[f"C0 0x{byte:02x}"] += 1
                problems.append((index, 1, f"C0 control 0x{byte:02x}"))
            index += 1
            continue
        if byte < 0x80:
            index += 1
            continue
        length = utf8_length(data, index)
        if length == 0:
            kinds["invalid UTF-8"] += 1
            reason = "raw C1 byte outside valid UTF-8" if 0x80 <= byte <= 0x9F else "invalid UTF-8"
            problems.append((index, 1, f"{reason} 0x{byte:02x}"))
            index += 1
            continue
        scalar = ord(data[index:index + length].decode("utf-8"))
        if 0x80 <= scalar <= 0x9F:
            kinds["C1 (UTF-8)"] += 1
            problems.append((index, length, f"C1 control U+{scalar:04X} as UTF-8"))
        elif 0x202A <= scalar <= 0x202E or 0x2066 <= scalar <= 0x2069 or scalar in (0x200E, 0x200F, 0x061C):
            kinds["bidi control"] += 1
            problems.append((index, length, f"bidi control U+{scalar:04X}"))
        index += length
    return kinds, problems


def escaped(data):
    return data.decode("latin-1").encode("unicode_escape").decode("ascii")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folio", help="the folio binary")
    parser.add_argument("corpus", help="a corpus folder or file")
    parser.add_argument("--query", default="pwned",
                        help="what to type into the search bar (default pwned, in every hostile title)")
    parser.add_argument("--key-delay", type=float, default=0.15, help="seconds between keys (default 0.15)")
    parser.add_argument("--timeout", type=float, default=60, help="overall time limit in seconds (default 60)")
    parser.add_argument("--dump", help="also write every byte folio wrote to this file")
    parser.add_argument("--max-problems", type=int, default=20, help="offences to print (default 20)")
    options, extra = parser.parse_known_args()

    started = time.monotonic()
    output, status, notes = drive(os.path.abspath(options.folio), options.corpus, options.query, options.key_delay,
                                  options.timeout, extra)
    if options.dump:
        with open(options.dump, "wb") as handle:
            handle.write(output)
    kinds, problems = scan(output)
    if status != 0:
        notes.append(f"folio exited with status {status}")
    clean = not problems and not notes and len(output) > 0
    summary = ", ".join(f"{kind}×{number}" for kind, number in sorted(kinds.items(), key=lambda item: -item[1]))
    print(f"{options.corpus}: folio wrote {len(output)} bytes in {time.monotonic() - started:.1f} s, "
          f"exit {status}; sequences: {summary or 'none'}; verdict: "
          f"{'clean' if clean else f'FAIL ({len(problems)} offending sequences)'}")
    for note in notes:
        print(f"  {note}")
    for offset, length, reason in problems[:options.max_problems]:
        before = output[max(0, offset - 40):offset]
        bad = output[offset:offset + length]
        after = output[offset + length:offset + length + 40]
        print(f"  at byte {offset}: {reason}: {escaped(before)}>>>{escaped(bad)}<<<{escaped(after)}")
    if len(problems) > options.max_problems:
        print(f"  … and {len(problems) - options.max_problems} more")
    if status != 0 and output:
        tail = output[-600:].decode("utf-8", "replace")
        print("  last output: " + escaped(tail.encode("utf-8")))
    sys.exit(0 if clean else 1)


if __name__ == "__main__":
    main()

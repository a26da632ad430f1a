#!/usr/bin/env python3
"""Generate Sources/TerminalCore/Width/DisplayWidthTable.swift from Python's unicodedata.

The table answers one question: how many terminal columns a Unicode scalar occupies (0, 1 or 2).
It is committed, so the width never depends on the libc or locale of the machine running folio
(glibc's wcwidth returns -1 for every non-ASCII scalar until setlocale runs, e.g. under
`swift test`). See Documentation/architecture.md §10.

Rules, in order (the first that matches wins):
  0  Cc control characters (callers never see them: TextCell replaces them with a placeholder).
  1  U+00AD SOFT HYPHEN. It is Cf, but glibc, Markus Kuhn's wcwidth and xterm all give it one
     column, and ncurses asks glibc; following them keeps our layout and ncurses' in step.
  1  Prepended_Concatenation_Mark (U+0600..0605, 06DD, 070F, 0890..0891, 08E2, 110BD, 110CD):
     Cf, but drawn as visible spacing signs; glibc gives them one column too.
  0  Mn, Me, Cf, and anything whose bidi class is NSM (glibc's rule).
  0  U+200B ZERO WIDTH SPACE, U+200D ZERO WIDTH JOINER, variation selectors (all Cf/Mn anyway).
  0  Hangul Jungseong and Jongseong, U+1160..11FF and U+D7B0..D7FF: in decomposed Hangul they
     join the preceding Choseong into one syllable block (glibc does the same).
  2  East_Asian_Width W or F (this includes the Emoji_Presentation emoji).
  2  U+3248..324F and U+4DC0..4DFF: glibc makes these wide (ambiguous/neutral in Unicode 14) and
     ncurses places cells by glibc's wcwidth, so we follow it to stay aligned.
  2  Unassigned code points in the blocks Unicode reserves as wide by default: U+3400..4DBF,
     U+4E00..9FFF, U+F900..FAFF, U+20000..2FFFD, U+30000..3FFFD.
  1  Everything else (including unassigned code points and private use).

With Python 3.11 (Unicode 14) the result equals glibc 2.36's wcwidth (Debian 12) on every scalar
glibc calls printable; DisplayWidthTests checks that. Regenerating with a newer Python changes
the Unicode version in the header, and a test pins the version so the change is deliberate.

Usage:
  python3 Scripts/generate-width-table.py            # rewrite the Swift file, print the version
  python3 Scripts/generate-width-table.py --check    # exit 1 if the committed file is stale
  python3 Scripts/generate-width-table.py --output PATH
"""

import argparse
import os
import sys
import unicodedata

SWIFT_PATH = os.path.join("Sources", "TerminalCore", "Width", "DisplayWidthTable.swift")

PREPENDED_CONCATENATION_MARKS = [
    (0x0600, 0x0605), (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891),
    (0x08E2, 0x08E2), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
]
EXTRA_ZERO_WIDTH = [
    (0x200B, 0x200B), (0x200D, 0x200D),
    (0xFE00, 0xFE0F), (0xE0100, 0xE01EF),  # variation selectors
    (0x1160, 0x11FF), (0xD7B0, 0xD7FF),    # Hangul Jungseong and Jongseong
]
EXTRA_WIDE = [(0x3248, 0x324F), (0x4DC0, 0x4DFF)]
WIDE_BY_DEFAULT = [
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
    (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
]


def in_ranges(cp, ranges):
    return any(lo <= cp <= hi for lo, hi in ranges)


def width(cp):
    """Columns the scalar `cp` occupies, by the rules in the module docstring."""
    ch = chr(cp)
    category = unicodedata.category(ch)
    if category == "Cc":
        return 0
    if cp == 0x00AD or in_ranges(cp, PREPENDED_CONCATENATION_MARKS):
        return 1
    if category in ("Mn", "Me", "Cf") or unicodedata.bidirectional(ch) == "NSM":
        return 0
    if in_ranges(cp, EXTRA_ZERO_WIDTH):
        return 0
    if category == "Cn":
        # Python's unicodedata reports East_Asian_Width "F" for unassigned code points (its
        # default record), so unassigned ones must be decided here, before asking it.
        return 2 if in_ranges(cp, WIDE_BY_DEFAULT) else 1
    if unicodedata.east_asian_width(ch) in ("W", "F") or in_ranges(cp, EXTRA_WIDE):
        return 2
    return 1


def ranges_where(predicate):
    """Sorted, merged inclusive ranges of scalars (surrogates excluded) satisfying `predicate`."""
    ranges = []
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF or not predicate(cp):
            continue
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return ranges


def swift_array(name, doc, ranges):
    lines = [f"    /// {doc}", f"    static let {name}: [(lo: UInt32, hi: UInt32)] = ["]
    row = []
    for lo, hi in ranges:
        row.append(f"(0x{lo:04X}, 0x{hi:04X}),")
        if len(row) == 4:
            lines.append("        " + " ".join(row))
            row = []
    if row:
        lines.append("        " + " ".join(row))
    lines.append("    ]")
    return "\n".join(lines)


def render():
    widths = [0] * 0x110000
    for cp in range(0x110000):
        if not 0xD800 <= cp <= 0xDFFF:
            widths[cp] = width(cp)
    zero = ranges_where(lambda cp: widths[cp] == 0)
    wide = ranges_where(lambda cp: widths[cp] == 2)
    version = unicodedata.unidata_version
    return version, f"""\
// GENERATED FILE - do not edit by hand.
// Generated by Scripts/generate-width-table.py from Unicode {version} (Python's unicodedata).
// Regenerate from the package root with:  python3 Scripts/generate-width-table.py
// The rules (and why they differ from plain East_Asian_Width) are in that script's docstring.

/// Display-width ranges for `DisplayWidth`: sorted, disjoint, inclusive scalar ranges.
///
/// A scalar in `zeroWidth` takes no column, one in `wide` takes two, any other takes one.
enum DisplayWidthTable {{
    /// The Unicode version the ranges were generated from.
    static let unicodeVersion = "{version}"

{swift_array("zeroWidth", "Scalars that occupy no column: controls, combining marks, format characters.", zero)}

{swift_array("wide", "Scalars that occupy two columns: East Asian Wide and Fullwidth, and wide-by-default blocks.", wide)}
}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--output", default=os.path.join(root, SWIFT_PATH),
                        help="where to write the Swift file (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the file differs from what would be generated")
    args = parser.parse_args()
    version, text = render()
    print(f"Unicode version: {version}")
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print(f"{args.output} is out of date; run Scripts/generate-width-table.py", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
